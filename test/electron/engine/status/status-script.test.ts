import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATUS_SCRIPT, statusCommand } from '../../../../electron/engine/status/status-script.js';
import { readHostFacts } from '../../../../shared/status/host-facts.js';
import { readCorpus } from '../../../shared/status/corpus.js';

/** The first word of every simple command in the script (keywords and assignments skipped). */
function commandWords(script: string): string[] {
  const words: string[] = [];
  for (const line of script.split('\n')) {
    for (const part of line.split(/;|\|\||&&|\|/)) {
      const tokens = part.trim().split(/\s+/).filter((t) => t !== '');
      const first = tokens.find((t) => !/^(do|then|else)$/.test(t) && !/^\w+=/.test(t));
      if (first) words.push(first);
    }
  }
  return words;
}

describe('the status script', () => {
  it('is a constant that only reads: no command outside a read-only set, ip only "show"s, no writes', () => {
    expect(new Set(commandWords(STATUS_SCRIPT))).toEqual(new Set(['for', 'done', '[', 'continue', 'printf', 'cat', 'echo', 'ip', 'read']));
    const ipLines = STATUS_SCRIPT.split('\n').filter((l) => /^\s*ip\b/.test(l));
    expect(ipLines).toEqual(['ip -j -d link show', 'ip -j addr show']);
    const redirections = STATUS_SCRIPT.match(/\d*>[^\s]*/g) ?? [];
    expect(redirections).toEqual(['2>/dev/null', '2>/dev/null']);
  });

  it('passes the bonding directory as one quoted argument, whatever it holds', () => {
    const dir = "/tmp/x'; touch /tmp/pwned; echo '";
    expect(statusCommand(dir)).toBe(`sh -c '${STATUS_SCRIPT.replaceAll("'", "'\\''")}' netloom-status '/tmp/x'\\''; touch /tmp/pwned; echo '\\'''`);
    expect(statusCommand(dir)).toContain(statusCommand('/proc/net/bonding').split(' netloom-status ')[0]);
  });

  it('runs in a real shell and prints sections that read back as facts', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'netloom-status-')), "saved 'bonding' $dir");
    mkdirSync(dir);
    writeFileSync(join(dir, 'bond0'), readCorpus('bonding/libtpa__test_unit_bonding.txt'));
    // A saved text without a final newline must not swallow the next marker.
    writeFileSync(join(dir, 'bond1'), readCorpus('bonding/checkmk__lnx_bonding.py.bond0.balance-rr.no-slaves.mii-down.txt').trimEnd());
    mkdirSync(join(dir, 'not-a-file'));
    const run = spawnSync('sh', ['-c', statusCommand(dir)], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const facts = readHostFacts(run.stdout);
    expect(facts.ok).toBe(true);
    if (!facts.ok) return;
    expect([...facts.facts.bonding.keys()]).toEqual(['bond0', 'bond1']);
    expect(facts.facts.bonding.get('bond0')).toMatchObject({ ok: true, value: { mode: '802.3ad' } });
    expect(facts.facts.bonding.get('bond1')).toMatchObject({ ok: true, value: { mode: 'balance-rr', miiStatus: 'down' } });
    expect(facts.facts.links.get('lo')).toMatchObject({ name: 'lo', mtu: 65536 });
    expect(facts.facts.sysfs.get('lo')).toEqual({ speedMbps: null, duplex: null });
    expect(facts.facts.addresses.get('lo')?.[0]).toMatchObject({ cidr: '127.0.0.1/8', family: 'inet' });
  });
});
