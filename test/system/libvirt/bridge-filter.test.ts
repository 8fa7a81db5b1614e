/**
 * The bridged-traffic rules, applied for real: `iptables-restore --test`,
 * then loaded into a network namespace of the test's own, where the kernel's
 * physdev match takes them; read back with `iptables -S`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDesign } from '../../../shared/load/index.js';
import { EXAMPLES, exampleFile } from '../../../shared/examples/index.js';
import { formatBridgeRules, RULES_V4_PATH } from '../../../shared/targets/libvirt/bridge-filter.js';
import { renderDevice } from '../../../shared/targets/index.js';
import { ROOT } from '../../helpers/cli.js';
import { filter } from '../../shared/targets/libvirt/designs.js';

const ns = `nlipt-${process.pid}`;
const run = (args: readonly string[], input?: string) =>
  spawnSync(args[0]!, args.slice(1), { input, encoding: 'utf8' });
const inNs = (args: readonly string[], input?: string) => run(['ip', 'netns', 'exec', ns, ...args], input);

beforeAll(() => {
  const made = run(['ip', 'netns', 'add', ns]);
  if (made.status !== 0) throw new Error(`ip netns add ${ns}: ${made.stderr}`);
});
afterAll(() => {
  run(['ip', 'netns', 'del', ns]);
});

describe('bridged traffic filter on a real kernel', () => {
  const rules = formatBridgeRules(filter, 'kvm1');

  it('passes iptables-restore --test', () => {
    const test = inNs(['iptables-restore', '--test'], rules);
    expect(test.stderr).toBe('');
    expect(test.status).toBe(0);
  });

  it('applies inside a namespace, physdev matches included, and reads back', () => {
    const applied = inNs(['iptables-restore'], rules);
    expect(applied.stderr).toBe('');
    const listed = inNs(['iptables', '-S', 'FORWARD']).stdout.split('\n');
    expect(listed).toContain('-P FORWARD DROP');
    expect(listed.filter((l) => l.includes('--physdev-is-bridged'))).toHaveLength(3);
    expect(listed.find((l) => l.includes('--dport 80'))).toMatch(
      /-s 192\.168\.1\.50\/32 -d 192\.168\.1\.20\/32 .*-j REJECT/,
    );
    expect(listed.some((l) => l.includes('--physdev-in enp1s0') && l.endsWith('-j ACCEPT'))).toBe(true);
  });

  it('the judge can refuse: an option the physdev match does not have fails the test', () => {
    const broken = rules.replace('--physdev-in enp1s0', '--physdev-sideways enp1s0');
    const test = inNs(['iptables-restore', '--test'], broken);
    expect(test.status).not.toBe(0);
    expect(test.stderr).toContain('--physdev-sideways');
  });
});

/** Every iptables file the example designs export (the KVM example's physdev rules among them). */
const exampleRules = EXAMPLES.map((e) => exampleFile(e.id)).flatMap((file) => {
  const loaded = parseDesign(readFileSync(`${ROOT}shared/examples/${file}`, 'utf8'));
  if (!loaded.ok) throw new Error(`${file}: ${JSON.stringify(loaded.problems)}`);
  return loaded.design.hosts.flatMap((h) =>
    renderDevice(loaded.design, h.id)
      .filter((f) => f.path === RULES_V4_PATH)
      .map((f) => ({ name: `${file} ${h.name}`, content: f.content })),
  );
});

describe('the examples’ bridged traffic filters on a real kernel', () => {
  it('there is at least one to judge', () => expect(exampleRules.length).toBeGreaterThan(0));

  it.each(exampleRules)('$name passes iptables-restore --test and loads', ({ content }) => {
    const test = inNs(['iptables-restore', '--test'], content);
    expect(test.stderr).toBe('');
    expect(test.status).toBe(0);
    expect(inNs(['iptables-restore'], content).status).toBe(0);
    const rules = content.split('\n').filter((l) => l.startsWith('-A FORWARD'));
    const listed = inNs(['iptables', '-S', 'FORWARD']).stdout.split('\n');
    expect(listed.filter((l) => l.includes('--physdev-is-bridged'))).toHaveLength(rules.length);
  });
});
