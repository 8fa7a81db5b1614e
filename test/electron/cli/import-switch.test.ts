/**
 * `netloom import switch FILE`: a saved running-config goes into a design
 * (the `--ssh` path is proven against the test switch in
 * test/system/status/switch-status.test.ts), with warnings by line.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDesign } from '../../../shared/load/index.js';
import { CORPUS } from '../../shared/status/corpus.js';
import { EXAMPLE, runCli } from '../../helpers/cli.js';

let dir = '';
let design = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'netloom-switch-import-'));
  design = join(dir, 'lab.netloom.json');
  writeFileSync(design, readFileSync(EXAMPLE));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const loaded = () => {
  const result = parseDesign(readFileSync(design, 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.design;
};

describe('netloom import switch', () => {
  it("adds a real IOS config's port-channels as a new switch", () => {
    const config = join(dir, 'core.cfg');
    copyFileSync(
      new URL('switch/cisco.ios__test_ios_lag_interfaces.test_ios_lag_interfaces_merged.ios.cfg', CORPUS),
      config,
    );
    const run = runCli(['import', 'switch', config, '--vendor', 'cisco-ios', '--name', 'core', '--into', design]);
    expect(run.stderr).toBe(`added switch core (5 ports, 2 port-channels) in ${design}\n`);
    expect(run.status).toBe(0);
    const core = loaded().switches.find((s) => s.name === 'core')!;
    expect(core.portChannels.map((pc) => [pc.number, pc.members.length])).toEqual([
      [11, 2],
      [22, 3],
    ]);
    expect(runCli(['check', design]).status).toBe(0);
  });

  it('names the line of what it leaves out, and takes the name from the hostname', () => {
    const config = join(dir, 'n3.cfg');
    writeFileSync(
      config,
      ['hostname "n3"', 'interface Te1/0/5', 'description "nas eno1"', 'mtu 9999', 'exit', ''].join('\n'),
    );
    const run = runCli(['import', 'switch', config, '--into', design]);
    expect(run.stderr).toBe(
      `warning: ${config}:2: Tengigabitethernet1/0/5: mtu 9999 is outside 1280-9216; left out\n` +
        `added switch n3 (1 port, 0 port-channels) in ${design}\n`,
    );
    expect(loaded().switches.find((s) => s.name === 'n3')!.ports).toEqual([
      { id: 'n3-te1-0-5', name: 'Tengigabitethernet1/0/5', description: 'nas eno1' },
    ]);
  });

  it('refuses unclear requests with exit 2 and leaves the design alone', () => {
    const before = readFileSync(design, 'utf8');
    const config = join(dir, 'bare.cfg');
    writeFileSync(config, 'interface Te1/0/5\ndescription x\nexit\n');
    const cases: [string[], string][] = [
      [['import', 'switch', '--into', design], 'give either a running-config file or --ssh'],
      [['import', 'switch', config, '--ssh', 'admin@10.0.0.2', '--into', design], 'not both'],
      [
        ['import', 'switch', config, '--vendor', 'junos', '--into', design],
        '--vendor "junos" must be one of dell-os6, cisco-ios',
      ],
      [
        ['import', 'switch', config, '--into', design],
        `${config} names no hostname; give the switch a name with --name`,
      ],
    ];
    for (const [args, message] of cases) {
      const run = runCli(args);
      expect(run.stderr, args.join(' ')).toContain(message);
      expect(run.status, args.join(' ')).toBe(2);
    }
    expect(readFileSync(design, 'utf8')).toBe(before);
  });
});
