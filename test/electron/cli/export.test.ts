import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDevice } from '../../../shared/targets/index.js';
import { EXAMPLE, runCli } from '../../helpers/cli.js';
import { exampleDesign, exampleJson } from '../../helpers/design.js';
import { judgeInterfaces } from '../../helpers/ifupdown2.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'netloom-export-'));

describe('netloom export', () => {
  it('writes every file of every host and switch into DIR/<device>/', () => {
    const out = tempDir();
    const run = runCli(['export', EXAMPLE, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const design = exampleDesign();
    const expected = [...design.hosts, ...design.switches].flatMap((d) =>
      renderDevice(design, d.id).map((f) => ({ path: `${d.name}/${f.path}`, content: f.content })),
    );
    expect(expected.map((f) => f.path)).toEqual(
      expect.arrayContaining(['ms01/etc/network/interfaces', 'ms01/vm-nics.sh']),
    );
    for (const f of expected) expect(readFileSync(join(out, f.path), 'utf8')).toBe(f.content);
    expect(run.stdout.trim().split('\n')).toEqual(expected.map((f) => `wrote ${f.path}`));
    const [judged] = judgeInterfaces([readFileSync(join(out, 'ms01/etc/network/interfaces'), 'utf8')]);
    expect(judged!.check).toMatchObject({ status: 0, stderr: '' });
  });

  it("prints one device's main configuration with --device", () => {
    const run = runCli(['export', EXAMPLE, '--device', 'ms01']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(renderDevice(exampleDesign(), 'ms01')[0]!.content);
    expect(run.stdout).toContain('iface vmbr1 inet manual\n');
  });

  it('exits 2 naming an unknown device, and for a missing or doubled destination', () => {
    const run = runCli(['export', EXAMPLE, '--device', 'nas9']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no device named "nas9"');
    expect(run.stderr).toContain('ms01');
    expect(runCli(['export', EXAMPLE]).status).toBe(2);
    expect(runCli(['export', EXAMPLE, '--device', 'ms01', '--out', tempDir()]).status).toBe(2);
    expect(runCli(['export', '/nonexistent.netloom.json', '--device', 'ms01']).status).toBe(2);
  });

  it('exports a design with rule errors anyway, printing them as warnings', () => {
    const dir = tempDir();
    const doc = exampleJson();
    doc.hosts[0].bridges[1].pvid = 241; // the trunk's native VLAN is 240
    doc.hosts[0].bridges[0].inet.gateway = '192.0.2.1'; // outside 10.2.200.0/24
    const file = join(dir, 'broken.netloom.json');
    writeFileSync(file, JSON.stringify(doc));
    const run = runCli(['export', file, '--out', join(dir, 'out')]);
    expect(run.status).toBe(0);
    expect(existsSync(join(dir, 'out/ms01/etc/network/interfaces'))).toBe(true);
    expect(run.stderr).toContain('warning: error ip/gateway-outside-subnet ms01-vmbr0');
    expect(run.stderr).toContain('warning: error vlan/native-mismatch');
    expect(run.stderr).not.toMatch(/^warning: info /m);
  });
});
