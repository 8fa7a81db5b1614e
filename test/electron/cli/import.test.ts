import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesign } from '../../../shared/load/index.js';
import { renderInterfaces } from '../../../shared/targets/ifupdown2/index.js';
import { EXAMPLE, runCli } from '../../helpers/cli.js';
import { exampleDesign } from '../../helpers/design.js';
import { judgeInterfaces, meaningOf } from '../../helpers/ifupdown2.js';

const INTERFACES = `auto lo
iface lo inet loopback

auto bond0
iface bond0 inet manual
	bond-slaves eno1 eno2
	bond-mode 4
	bond-miimon 100

auto vmbr0
iface vmbr0 inet static
	address 192.0.2.20/24
	gateway 192.0.2.1
	bridge-ports bond0
	bridge-stp off
	bridge-fd 0
	bridge-mcsnoop no
	address 192.0.2.300/24
`;

function setup(text = INTERFACES): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'netloom-import-'));
  const file = join(dir, 'interfaces');
  writeFileSync(file, text);
  return { dir, file };
}

function loaded(text: string) {
  const result = parseDesign(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.design;
}

describe('netloom import interfaces', () => {
  it('prints a design whose host has the SSH target, with warnings naming lines on stderr', () => {
    const { file } = setup();
    const run = runCli(['import', 'interfaces', file, '--host', 'pve3', '--ssh', 'admin@192.0.2.20:2222']);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(
      `warning: ${file}:18: iface vmbr0: "192.0.2.300/24" is not an address ifupdown2 accepts`,
    );
    const design = loaded(run.stdout);
    const host = design.hosts[0]!;
    expect(host).toMatchObject({ id: 'pve3', name: 'pve3', ssh: { user: 'admin', address: '192.0.2.20', port: 2222 } });
    expect(host.bonds[0]).toMatchObject({ id: 'pve3-bond0', mode: '802.3ad', members: ['pve3-eno1', 'pve3-eno2'] });
    expect(design.layout['pve3-bond0']).toBeDefined();
  });

  it('exports what it imported, meaning the same to ifupdown2', () => {
    const text = INTERFACES.replace('\taddress 192.0.2.300/24\n', '');
    const { file } = setup(text);
    const run = runCli(['import', 'interfaces', file, '--host', 'pve3']);
    expect(run.stderr).toBe('');
    const exported = renderInterfaces(loaded(run.stdout), 'pve3');
    const [before, after] = judgeInterfaces([text, exported], { queries: 'all' });
    expect(after!.check).toMatchObject({ status: 0, stderr: '' });
    expect(meaningOf(after!.all!)).toEqual(meaningOf(before!.all!));
  });

  it('writes -o, and refuses to overwrite it without --force', () => {
    const { dir, file } = setup();
    const out = join(dir, 'new.netloom.json');
    expect(runCli(['import', 'interfaces', file, '-o', out]).status).toBe(0);
    const first = readFileSync(out, 'utf8');
    expect(loaded(first).hosts[0]!.name).toBe('imported');
    const again = runCli(['import', 'interfaces', file, '--host', 'other', '-o', out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('exists; use --force');
    expect(readFileSync(out, 'utf8')).toBe(first);
    expect(runCli(['import', 'interfaces', file, '--host', 'other', '-o', out, '--force']).status).toBe(0);
    expect(loaded(readFileSync(out, 'utf8')).hosts[0]!.name).toBe('other');
  });

  it('--into replaces the host of the same name, keeping the rest and a .bak', () => {
    const { dir } = setup();
    const design = join(dir, 'homelab.netloom.json');
    const original = readFileSync(EXAMPLE, 'utf8');
    writeFileSync(design, original);
    const edited = renderInterfaces(exampleDesign(), 'ms01').replaceAll('bond-lacp-rate fast', 'bond-lacp-rate slow');
    const { file } = setup(edited);
    const run = runCli(['import', 'interfaces', file, '--host', 'ms01', '--into', design]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('replaced host ms01');
    const after = loaded(readFileSync(design, 'utf8'));
    expect(after.hosts).toHaveLength(1);
    expect(after.hosts[0]!.bonds.map((b) => b.lacpRate)).toEqual(['slow', 'slow']);
    expect(after.hosts[0]!.vms.map((v) => v.name)).toEqual(['web01']);
    expect(after.hosts[0]!.ssh).toEqual(exampleDesign().hosts[0]!.ssh);
    expect(after.switches).toEqual(exampleDesign().switches);
    expect(after.cables).toEqual(exampleDesign().cables);
    expect(readFileSync(`${design}.bak`, 'utf8')).toBe(original);

    const added = runCli(['import', 'interfaces', file, '--host', 'pve2', '--into', design]);
    expect(added.status).toBe(0);
    expect(loaded(readFileSync(design, 'utf8')).hosts.map((h) => h.name)).toEqual(['ms01', 'pve2']);
  });

  it('exits 2 for a bad --ssh, a bad host name, a missing file, and a broken --into design', () => {
    const { dir, file } = setup();
    for (const bad of ['root', 'root@', 'root@host:99999', 'Root!@host', 'root@bad;host']) {
      const run = runCli(['import', 'interfaces', file, '--ssh', bad]);
      expect(run.status, bad).toBe(2);
      expect(run.stderr, bad).toContain(`--ssh "${bad}"`);
    }
    expect(runCli(['import', 'interfaces', file, '--host', 'a b']).status).toBe(2);
    const missing = runCli(['import', 'interfaces', join(dir, 'nope')]);
    expect(missing).toMatchObject({ status: 2, stderr: expect.stringContaining('no such file') });
    const broken = join(dir, 'broken.netloom.json');
    writeFileSync(broken, '{"format": "netloom/1"');
    expect(runCli(['import', 'interfaces', file, '--into', broken]).status).toBe(2);
    expect(readFileSync(broken, 'utf8')).toBe('{"format": "netloom/1"');
    expect(existsSync(`${broken}.bak`)).toBe(false);
  });

  it('reads standard input for -', () => {
    const run = runCli(['import', 'interfaces', '-', '--host', 'piped'], { input: INTERFACES });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('warning: (stdin):18:');
    expect(loaded(run.stdout).hosts[0]!.bonds[0]!.mode).toBe('802.3ad');
  });

  it('has --help', () => {
    const run = runCli(['import', 'interfaces', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: netloom import interfaces');
  });
});
