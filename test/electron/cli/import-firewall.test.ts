/**
 * `netloom import pve-firewall`: a copy of /etc/pve's firewall files goes into
 * a design (cluster, host by name, VM by id), warnings name file and line, and
 * export writes the same firewall back.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDesign } from '../../../shared/load/index.js';
import { parseDatacenterFirewall, parseVmFirewall } from '../../../shared/importers/pve-firewall/parse.js';
import { CORPUS } from '../../shared/status/corpus.js';
import { EXAMPLE, runCli } from '../../helpers/cli.js';

const corpus = (name: string) => new URL(`pve-firewall/${name}`, CORPUS);
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of /etc/pve holding the given corpus files at the given places, and a copy of the example design. */
function setup(files: Record<string, string>): { pve: string; design: string } {
  dir = mkdtempSync(join(tmpdir(), 'netloom-fw-import-'));
  const pve = join(dir, 'pve');
  for (const [at, name] of Object.entries(files)) {
    mkdirSync(join(pve, at, '..'), { recursive: true });
    copyFileSync(corpus(name), join(pve, at));
  }
  const design = join(dir, 'lab.netloom.json');
  writeFileSync(design, readFileSync(EXAMPLE));
  return { pve, design };
}

const loaded = (file: string) => {
  const result = parseDesign(readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.design;
};

describe('netloom import pve-firewall', () => {
  it('puts the cluster, host and VM files where they belong and skips what matches nothing', () => {
    const { pve, design } = setup({
      'firewall/cluster.fw': 'test-group1__cluster.fw',
      'firewall/100.fw': 'test-group1__100.fw',
      'firewall/200.fw': 'test-group1__200.fw',
      'nodes/ms01/host.fw': 'test-group1__host.fw',
    });
    const run = runCli(['import', 'pve-firewall', pve, '--into', design]);
    expect(run.stderr).toContain('note: skipped firewall/200.fw: no VM 200 in the design');
    expect(run.stderr).toContain(`imported 3 firewall files into ${design}`);
    expect(run.status).toBe(0);

    const after = loaded(design);
    const dc = parseDatacenterFirewall(readFileSync(corpus('test-group1__cluster.fw'), 'utf8')).firewall;
    expect(after.firewall).toEqual(dc);
    expect(after.hosts[0]!.firewall?.rules).toEqual([{ type: 'group', group: 'group1', enabled: true }]);
    expect(after.hosts[0]!.vms[0]!.firewall).toEqual(
      parseVmFirewall(readFileSync(corpus('test-group1__100.fw'), 'utf8'), dc).firewall,
    );

    const exported = runCli(['export', design, '--out', join(dir, 'out')]);
    expect(exported.status).toBe(0);
    const written = readFileSync(join(dir, 'out', 'ms01', 'etc/pve/firewall/cluster.fw'), 'utf8');
    expect(parseDatacenterFirewall(written)).toEqual({ firewall: dc, warnings: [] });
  });

  it('leaves out what pve-firewall ignores, naming the file and line as pve-firewall does', () => {
    const { pve, design } = setup({
      'firewall/cluster.fw': 'test-errors2__cluster.fw',
      'firewall/100.fw': 'test-errors2__100.fw',
    });
    const run = runCli(['import', 'pve-firewall', pve, '--into', design]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(
      `warning: ${join(pve, 'firewall/100.fw')}:7: errors in rule parameters: IN ACCEPT -source non-existing-alias -dport 443`,
    );
    expect(run.stderr).toContain("source: no such ipset 'non-existing-ipset'");
    expect(loaded(design).hosts[0]!.vms[0]!.firewall?.rules).toEqual([
      { type: 'in', action: 'ACCEPT', proto: 'tcp', dport: '80', enabled: true },
    ]);
  });

  it('refuses a folder without firewall files, and changes nothing', () => {
    const { pve, design } = setup({});
    mkdirSync(pve, { recursive: true });
    const before = readFileSync(design, 'utf8');
    const run = runCli(['import', 'pve-firewall', pve, '--into', design]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no firewall files under');
    expect(readFileSync(design, 'utf8')).toBe(before);
  });
});
