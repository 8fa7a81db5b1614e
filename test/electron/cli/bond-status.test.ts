import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { CORPUS } from '../../shared/status/corpus.js';

const sample = (name: string) => fileURLToPath(new URL(`bonding/${name}`, CORPUS));
const HEALTHY = sample('telegraf__bond_test.go.sampleTestLACP.802.3ad.txt');
const DEGRADED = sample('insights-core__test_bond.py.BOND_MODE_4.802.3ad.lacp-details.slave-down.txt');
const DOWN = sample('checkmk__lnx_bonding.py.bond0.balance-rr.no-slaves.mii-down.txt');
const CORRUPT = sample('insights-core__test_bond.py.BONDINFO_CORRUPT.corrupt-fragment.txt');

describe('netloom bond-status', () => {
  it('exits 0 and prints ok for a healthy bond', () => {
    const run = runCli(['bond-status', HEALTHY]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${HEALTHY}: ok (802.3ad, MII up, 2 members: eth0 up, eth1 up)\n`);
  });

  it('exits 1 and prints the reasons when a bond is degraded or down', () => {
    const run = runCli(['bond-status', HEALTHY, DEGRADED, DOWN]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `${DEGRADED}: degraded (802.3ad, MII up, 2 members: enp0s9 up, enp0s8 down)\n  - enp0s8 MII status is down\n`,
    );
    expect(run.stdout).toContain('  - enp0s9 partner is defaulted: no LACPDU received from the switch\n');
    expect(run.stdout).toContain(`${DOWN}: down (balance-rr, MII down, 0 members)\n  - the bond MII status is down\n`);
  });

  it('prints JSON with health in ok|degraded|down and the reasons', () => {
    const run = runCli(['bond-status', '--json', HEALTHY, DEGRADED, DOWN]);
    expect(run.status).toBe(1);
    const reports = JSON.parse(run.stdout);
    expect(reports.map((r: any) => r.health)).toEqual(['ok', 'degraded', 'down']);
    expect(reports[0]).toMatchObject({
      file: HEALTHY,
      mode: '802.3ad',
      reasons: [],
      members: [
        { name: 'eth0', aggregator: 2 },
        { name: 'eth1', aggregator: 2 },
      ],
    });
    expect(reports[1].members[0]).toMatchObject({
      name: 'enp0s9',
      actorState: '77: active, aggregating, in sync, defaulted',
      partnerState: '1: active',
    });
    expect(reports[2].reasons).toEqual(['the bond MII status is down', 'the bond has no members']);
  });

  it('exits 2 with one clear line naming the line of a corrupt file, and still reports the others', () => {
    const run = runCli(['bond-status', HEALTHY, CORRUPT]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(`${HEALTHY}: ok`);
    expect(run.stderr).toBe(
      `netloom: ${CORRUPT} line 1: expected "Ethernet Channel Bonding Driver: …" or "Bonding Mode: …", found "Link Failure Count: 0": not a /proc/net/bonding file\n`,
    );
  });

  it('exits 2 for a missing file, a directory or random bytes, never with a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-bond-'));
    const junk = join(dir, 'junk');
    writeFileSync(junk, Buffer.from([0, 255, 10, 58, 32, 1, 2, 3]));
    for (const [file, message] of [
      ['/nonexistent/bond0', 'cannot read /nonexistent/bond0: no such file'],
      [dir, `cannot read ${dir}: it is a folder, not a regular file`],
      [junk, `${junk} line 1: expected "Ethernet Channel Bonding Driver`],
    ] as const) {
      const run = runCli(['bond-status', file]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(runCli(['bond-status']).status).toBe(2);
  });

  it('refuses a file cut mid-line or with a slave listed twice, naming the line, instead of calling it healthy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-bond-'));
    const healthy =
      'Bonding Mode: load balancing (xor)\nMII Status: up\n\nSlave Interface: eth0\nMII Status: up\n\nSlave Interface: eth1\nMII Status: up\n';
    const cut = join(dir, 'cut');
    writeFileSync(cut, `${healthy}Link Failure Co`);
    const twice = join(dir, 'twice');
    writeFileSync(twice, `${healthy}\nSlave Interface: eth0\nMII Status: up\n`);
    const run = runCli(['bond-status', cut, twice]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `netloom: ${cut} line 9: the text ends in the middle of this line ("Link Failure Co"): the file was cut short\n` +
        `netloom: ${twice} line 10: slave eth0 is listed again (first at line 4): the file is corrupt\n`,
    );
  });

  it('prints the lines it skipped as warnings, and in the JSON', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'netloom-bond-')), 'bond0');
    writeFileSync(file, 'Bonding Mode: load balancing (xor)\nMII Status: down\nFrobnication Level: \x1b[2K11\n');
    const run = runCli(['bond-status', file]);
    expect(run.stderr).toBe(`warning: ${file} line 3: skipped unknown line "Frobnication Level: \\u001b[2K11"\n`);
    expect(JSON.parse(runCli(['bond-status', '--json', file]).stdout)[0].warnings).toEqual([
      'line 3: skipped unknown line "Frobnication Level: \\u001b[2K11"',
    ]);
  });

  it('names the bond after a file named like an interface', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-bond-'));
    const file = join(dir, 'bond7');
    writeFileSync(file, 'Bonding Mode: load balancing (xor)\nMII Status: down\n');
    expect(runCli(['bond-status', file]).stdout).toContain('  - bond7 MII status is down\n');
  });

  it('has --help', () => {
    const run = runCli(['bond-status', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: netloom bond-status [options] <file...>');
  });
});
