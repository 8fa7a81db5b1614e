import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATUS_SCRIPT, statusCommand } from '../../../../electron/engine/status/status-script.js';
import { restoreDesign } from '../../../../shared/load/index.js';
import { readHostFacts } from '../../../../shared/status/host-facts.js';
import { hostStatus } from '../../../../shared/status/host-status.js';
import { readCorpus } from '../../../shared/status/corpus.js';
import { OVS3_TWO_BONDS } from '../../../shared/status/ovs-fixtures.js';

/** The first word of every simple command in the script (keywords and assignments skipped). */
function commandWords(script: string): string[] {
  const words: string[] = [];
  for (const line of script.split('\n')) {
    for (const part of line.split(/;|\|\||&&|\|/)) {
      const tokens = part
        .trim()
        .split(/\s+/)
        .filter((t) => t !== '');
      const first = tokens.find((t) => !/^(do|then|else)$/.test(t) && !/^\w+=/.test(t));
      if (first) words.push(first);
    }
  }
  return words;
}

describe('the status script', () => {
  it('is a constant that only reads: no command outside a read-only set, ip only "show"s, no writes', () => {
    expect(new Set(commandWords(STATUS_SCRIPT))).toEqual(
      new Set(['for', 'done', '[', 'continue', 'printf', 'cat', 'echo', 'ip', 'read', 'if', 'ovs-appctl', 'fi']),
    );
    expect(STATUS_SCRIPT.split('\n').filter((l) => /^\s*ovs-appctl\b/.test(l))).toEqual([
      '  ovs-appctl bond/show 2>/dev/null',
    ]);
    const ipLines = STATUS_SCRIPT.split('\n').filter((l) => /^\s*ip\b/.test(l));
    expect(ipLines).toEqual(['ip -j -d link show', 'ip -j addr show']);
    const redirections = STATUS_SCRIPT.match(/\d*>[^\s]*/g) ?? [];
    expect(redirections).toEqual(['2>/dev/null', '2>/dev/null', '>/dev/null', '2>&1;', '2>/dev/null']);
  });

  it('passes the bonding directory as one quoted argument, whatever it holds', () => {
    const dir = "/tmp/x'; touch /tmp/pwned; echo '";
    expect(statusCommand(dir)).toBe(
      `sh -c '${STATUS_SCRIPT.replaceAll("'", "'\\''")}' netloom-status '/tmp/x'\\''; touch /tmp/pwned; echo '\\'''`,
    );
    expect(statusCommand(dir)).toContain(statusCommand('/proc/net/bonding').split(' netloom-status ')[0]);
  });

  it('runs in a real shell and prints sections that read back as facts', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'netloom-status-')), "saved 'bonding' $dir");
    mkdirSync(dir);
    writeFileSync(join(dir, 'bond0'), readCorpus('bonding/libtpa__test_unit_bonding.txt'));
    // A saved text without a final newline must not swallow the next marker.
    writeFileSync(
      join(dir, 'bond1'),
      readCorpus('bonding/checkmk__lnx_bonding.py.bond0.balance-rr.no-slaves.mii-down.txt').trimEnd(),
    );
    mkdirSync(join(dir, 'not-a-file'));
    const run = spawnSync('sh', ['-c', statusCommand(dir)], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const facts = readHostFacts(run.stdout);
    expect(facts.ok).toBe(true);
    if (!facts.ok) return;
    expect([...facts.facts.bonding.keys()]).toEqual(['bond0', 'bond1']);
    expect(facts.facts.bonding.get('bond0')).toMatchObject({ ok: true, value: { mode: '802.3ad' } });
    expect(facts.facts.bonding.get('bond1')).toMatchObject({
      ok: true,
      value: { mode: 'balance-rr', miiStatus: 'down' },
    });
    expect(facts.facts.links.get('lo')).toMatchObject({ name: 'lo', mtu: 65536 });
    expect(facts.facts.sysfs.get('lo')).toEqual({ speedMbps: null, duplex: null });
    expect(facts.facts.addresses.get('lo')?.[0]).toMatchObject({ cidr: '127.0.0.1/8', family: 'inet' });
  });

  it('reads OVS bonds where ovs-appctl exists, and says so where it does not', () => {
    const bin = mkdtempSync(join(tmpdir(), 'netloom-ovs-'));
    writeFileSync(join(bin, 'fixture'), OVS3_TWO_BONDS);
    // A stand-in ovs-appctl that answers bond/show as Open vSwitch prints it.
    writeFileSync(
      join(bin, 'ovs-appctl'),
      `#!/bin/sh\n[ "$1" = bond/show ] && exec cat '${join(bin, 'fixture')}'\nexit 2\n`,
      { mode: 0o755 },
    );
    const design = restoreDesign({
      format: 'netloom/1',
      name: 'ovs',
      hosts: [
        {
          id: 'pve',
          name: 'pve',
          ports: [
            { id: 'eno1', name: 'eno1' },
            { id: 'eno2', name: 'eno2' },
          ],
          ovsBonds: [{ id: 'bond1', name: 'bond1', members: ['eno1', 'eno2'], bondMode: 'balance-slb' }],
          ovsBridges: [{ id: 'vmbr1', name: 'vmbr1', ports: ['bond1'] }],
        },
      ],
    });
    if (!design.ok) throw new Error(JSON.stringify(design.problems));
    const host = design.design.hosts[0]!;
    const statusOf = (path: string) => {
      const run = spawnSync('sh', ['-c', statusCommand('/nonexistent')], { encoding: 'utf8', env: { PATH: path } });
      const facts = readHostFacts(run.stdout);
      if (!facts.ok) throw new Error(facts.message);
      return hostStatus(design.design, host, facts.facts, 'now').bond1!;
    };
    const withOvs = statusOf(`${bin}:/usr/sbin:/usr/bin:/sbin:/bin`);
    expect(withOvs.health).toBe('degraded');
    expect(withOvs.reasons).toEqual(['eno2 MII status is down']);
    expect(withOvs.drift).toEqual(['bond_mode is active-backup; the design says balance-slb']);
    expect(withOvs.facts).toMatchObject({
      source: 'ovs-appctl bond/show',
      'LACP status': 'off',
      'members enabled': '1 of 2',
      'active member': 'eno1',
    });
    const without = statusOf('/usr/sbin:/usr/bin:/sbin:/bin');
    expect(without).toMatchObject({
      health: 'unknown',
      reasons: ['ovs-appctl bond/show cannot run: Open vSwitch is not installed on the host'],
    });
  });
});
