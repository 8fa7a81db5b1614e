import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, runCli } from '../../helpers/cli.js';
import { exampleJson } from '../../helpers/design.js';

describe('netloom check', () => {
  it('exits 0 on the example design and says so', () => {
    const run = runCli(['check', EXAMPLE]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`${EXAMPLE}: no problems\n`);
    expect(run.status).toBe(0);
  });

  it('prints each diagnostic and counts them by severity', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-check-'));
    const file = join(dir, 'dup.netloom.json');
    const doc = exampleJson();
    doc.networks.push({ id: 'net-dup', vlan: doc.networks[0].vlan, name: 'dup' });
    writeFileSync(file, JSON.stringify(doc));
    const run = runCli(['check', file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^error network\/duplicate-vlan /m);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^${file}: 1 error$`));
  });

  it('--json prints the diagnostics of a design that loads, and the load problems of one that does not', () => {
    const ok = runCli(['check', EXAMPLE, '--json']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ file: EXAMPLE, loaded: true, diagnostics: [] });

    const dir = mkdtempSync(join(tmpdir(), 'netloom-check-'));
    const file = join(dir, 'broken.netloom.json');
    const doc = exampleJson();
    doc.hosts[0].bonds[1].members[0] = 'ms01-missing';
    writeFileSync(file, JSON.stringify(doc));
    const broken = runCli(['check', file, '--json']);
    expect(broken.status).toBe(2);
    expect(JSON.parse(broken.stdout)).toEqual({
      file,
      loaded: false,
      problems: [
        {
          path: 'hosts[0].bonds[1].members[0]',
          message: expect.stringContaining('refers to "ms01-missing", which does not exist'),
        },
      ],
    });
    expect(broken.stderr).toContain('cannot load design');

    const missing = runCli(['check', '/nonexistent/x.netloom.json', '--json']);
    expect(missing.status).toBe(2);
    expect(JSON.parse(missing.stdout)).toMatchObject({
      loaded: false,
      problems: [{ path: '(file)', message: expect.stringContaining('no such file') }],
    });
  });

  it('exits 2 on a broken copy, naming the JSON path, and leaves the file alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-check-'));
    const file = join(dir, 'broken.netloom.json');
    const doc = exampleJson();
    doc.hosts[0].bonds[1].members[0] = 'ms01-missing';
    const text = `${JSON.stringify(doc, null, 1)}\n`;
    writeFileSync(file, text);
    const before = statSync(file).mtimeMs;
    const run = runCli(['check', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('hosts[0].bonds[1].members[0]: refers to "ms01-missing", which does not exist');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('exits 2 with one clear line for a missing file', () => {
    const run = runCli(['check', '/nonexistent/x.netloom.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot read \/nonexistent\/x\.netloom\.json: no such file/);
  });

  it('exits 2 for invalid JSON and for usage errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-check-'));
    const file = join(dir, 'bad.netloom.json');
    writeFileSync(file, '{\n  "format": "netloom/1"\n  "name": "lab"\n}\n');
    expect(runCli(['check', file])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining(
        `(document): not valid JSON: line 3, column 3: expected ',' or '}' after a property value: >>"name": "lab"`,
      ),
    });
    expect(runCli(['check']).status).toBe(2);
    expect(runCli(['frobnicate']).status).toBe(2);
  });

  it('prints --help for every verb', () => {
    for (const verb of ['check', 'schema']) {
      const run = runCli([verb, '--help']);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`Usage: netloom ${verb}`);
    }
  });
});

describe('netloom schema', () => {
  it('prints a JSON Schema that describes hosts, bonds and the format', () => {
    const run = runCli(['schema']);
    expect(run.status).toBe(0);
    const schema = JSON.parse(run.stdout);
    expect(schema.$schema).toMatch(/json-schema/);
    expect(schema.properties.format.const).toBe('netloom/1');
    const bond = schema.properties.hosts.items.properties.bonds.items;
    expect(bond.properties.mode.enum).toContain('802.3ad');
  });
});
