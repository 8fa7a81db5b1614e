/**
 * A host (test bed: real sshd and ifupdown2) and the switch it is cabled to
 * (the test switch) deployed as one change: both confirm; a fault on either
 * side rolls both back (IOS by its timer or `configure revert now`, OS6 by
 * the inverse commands), after which the switch's running- and
 * startup-config equal the backup and the host's file is the one it had; an
 * OS6 switch locked out keeps its startup-config and the verdict says so.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeployService } from '../../../electron/engine/deploy/deploy-service.js';
import { saveLocalBackup } from '../../../electron/engine/deploy/local-backups.js';
import { sshCliOpener } from '../../../electron/engine/deploy/ssh-session.js';
import { knownHostsName } from '../../../electron/engine/ssh/index.js';
import { describeOutcome } from '../../../shared/deploy/outcome.js';
import { parseDesign } from '../../../shared/load/index.js';
import type { Design, SwitchVendor } from '../../../shared/model/index.js';
import { renderInterfaces } from '../../../shared/targets/ifupdown2/index.js';
import { createBed, type Bed, type BedHost } from '../../helpers/bed.js';
import { TestSwitch, type SwitchFaults } from '../../switch/test-switch.js';
import { hostJson, type PortTweak } from './bed-design.js';
import { bedOpener, CONFIRM_WINDOW, deploy, leftovers, reachable, tempDataDir } from './deploy-helpers.js';

const PASSWORD = 'switch-pw';
const SECRET = 'en-secret';
const DATA_ADDRESS: PortTweak = { eth1: { inet: { method: 'static', addresses: ['10.251.0.1/24'] } } };
const PORT = { 'dell-os6': 'Tengigabitethernet1/0/1', 'cisco-ios': 'TenGigabitEthernet1/0/1' } as const;

let bed: Bed;
let dataDir: string;
const switches: TestSwitch[] = [];

beforeAll(async () => {
  bed = await createBed(1, { prefix: 'nlsw' });
  dataDir = await tempDataDir();
});
afterEach(async () => {
  await Promise.all(switches.splice(0).map((sw) => sw.close()));
});
afterAll(async () => {
  await bed?.destroy();
});

/** A test switch whose revert-timer minute lasts `minuteMs`, its host key in a known_hosts file of its own. */
async function startSwitch(vendor: SwitchVendor, faults: SwitchFaults = {}, minuteMs = 60_000): Promise<TestSwitch> {
  const sw = await TestSwitch.start({
    vendor,
    password: PASSWORD,
    enableSecret: SECRET,
    minuteMs,
    faults,
    setup: vendor === 'cisco-ios' ? ['archive', 'path flash:archived', 'exit'] : [],
  });
  switches.push(sw);
  await writeFile(join(dataDir, `switch-${sw.port}`), `${knownHostsName(sw.address, sw.port)} ${sw.hostPublicKey}\n`);
  return sw;
}

/** The bed host with an address on eth1 (or `tweak`), cabled from eth1 to a switch trunk that carries VLAN 240. */
function hostAndSwitch(host: BedHost, sw: TestSwitch, tweak: PortTweak = DATA_ADDRESS): Design {
  const hostDoc = hostJson(host, tweak);
  const json = {
    format: 'netloom/1',
    name: `bed ${bed.prefix} with a switch`,
    hosts: [hostDoc],
    switches: [
      {
        id: 'sw1',
        name: 'sw1',
        vendor: sw.vendor,
        ssh: { address: sw.address, port: sw.port, user: sw.user },
        ports: [{ id: 'sw1-p1', name: PORT[sw.vendor], switchport: { mode: 'trunk', allowed: '1,240', native: 1 } }],
      },
    ],
    cables: [{ id: 'c1', hostPort: `h${host.index}-eth1`, switchPort: 'sw1-p1' }],
  };
  const result = parseDesign(JSON.stringify(json));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.design;
}

async function deployBoth(design: Design, sw: TestSwitch, revertIn = CONFIRM_WINDOW) {
  const plan = new DeployService().plan(design, []);
  const opener = {
    dataDir,
    identityFile: bed.identityFile,
    knownHostsFiles: [bed.knownHostsFile, join(dataDir, `switch-${sw.port}`)],
    switchPassword: async () => PASSWORD,
    enableSecret: async () => SECRET,
  };
  const result = await deploy(
    plan.devices,
    {
      openSession: bedOpener(bed, dataDir),
      openCli: sshCliOpener(opener),
      saveLocalBackup: (h, live, stamp, name) => saveLocalBackup(dataDir, h, live, stamp, 10, name),
      timing: { minuteMs: sw.minuteMs, reconnectAttemptMs: 2_000, revertMarginS: 1 },
    },
    revertIn,
    plan.groups,
  );
  return { plan, ...result };
}

async function expectHostAsBefore(host: BedHost, before: string): Promise<void> {
  expect(await readFile(host.interfacesPath, 'utf8')).toBe(before);
  expect(await reachable(bed, host, dataDir)).toBe(true);
  expect(await leftovers(host)).toEqual([]);
}

describe('host and switch as one change', () => {
  it.each(['dell-os6', 'cisco-ios'] as const)('%s: both confirm; the plan applies the host first', async (vendor) => {
    const host = bed.hosts[0]!;
    const sw = await startSwitch(vendor);
    const design = hostAndSwitch(host, sw);
    const result = await deployBoth(design, sw);
    expect(result.plan.groups).toEqual([
      { devices: [host.name, 'sw1'], order: `sw1 last: it carries the management path of ${host.name}` },
    ]);
    expect(result.lines).toEqual([`${host.name}: confirmed`, 'sw1: confirmed']);
    expect(await readFile(host.interfacesPath, 'utf8')).toBe(renderInterfaces(design, `h${host.index}`));
    expect(sw.runningConfig()).toMatch(/switchport trunk allowed vlan 1,240/);
    expect(sw.startupConfig()).toBe(sw.runningConfig());
    expect(sw.revertPending).toBe(false);
    // Put the host back for the next case: no address on eth1.
    const back = await deploy(
      new DeployService().plan(hostAndSwitch(host, sw, {}), [host.name]).devices,
      { openSession: bedOpener(bed, dataDir) },
      CONFIRM_WINDOW,
    );
    expect(back.lines).toEqual([`${host.name}: confirmed`]);
  });

  it('OS6: a host that fails its health check rolls the switch back with the inverse commands', async () => {
    const host = bed.hosts[0]!;
    const before = await readFile(host.interfacesPath, 'utf8');
    const sw = await startSwitch('dell-os6');
    const running = sw.runningConfig();
    const startup = sw.startupConfig();
    const design = hostAndSwitch(host, sw);
    // A port this host does not have: the host's health check fails after the apply.
    const [, eth1] = design.hosts[0]!.ports;
    design.hosts[0]!.ports.push({
      ...eth1!,
      id: 'ghost',
      name: 'eth7',
      inet: { method: 'static', addresses: ['10.250.0.1/24'] },
    });
    const result = await deployBoth(design, sw);
    expect(result.lines).toEqual([
      `${host.name}: rolled back: health check failed: ifquery -a -c: running state differs from the file`,
      expect.stringMatching(new RegExp(`^sw1: rolled back: rolled back with the rest of its change: ${host.name}: `)),
    ]);
    expect(sw.runningConfig()).toBe(running);
    expect(sw.startupConfig()).toBe(startup);
    await expectHostAsBefore(host, before);
  });

  it('IOS: a line the switch rejects rolls the host back too', async () => {
    const host = bed.hosts[0]!;
    const before = await readFile(host.interfacesPath, 'utf8');
    const sw = await startSwitch('cisco-ios', { rejectLine: /allowed vlan 1,240/ });
    const running = sw.runningConfig();
    const result = await deployBoth(hostAndSwitch(host, sw), sw);
    expect(result.reports.map((r) => r.outcome.kind)).toEqual(['rolled-back', 'rolled-back']);
    expect(describeOutcome(result.reports[1]!.outcome)).toMatch(/refused "switchport trunk allowed vlan 1,240"/);
    expect(describeOutcome(result.reports[0]!.outcome)).toMatch(/rolled back with the rest of its change: sw1/);
    expect(sw.runningConfig()).toBe(running);
    expect(sw.startupConfig()).toBe(running);
    await expectHostAsBefore(host, before);
  });

  it('IOS: locked out after the change, the switch reverts by its timer and the host is rolled back', async () => {
    const host = bed.hosts[0]!;
    const before = await readFile(host.interfacesPath, 'utf8');
    const sw = await startSwitch('cisco-ios', { lockoutAfterChange: true }, 6_000);
    const running = sw.runningConfig();
    const reverted = new Promise<void>((resolve) => sw.onDidRevert(resolve));
    const result = await deployBoth(hostAndSwitch(host, sw), sw, 20);
    await reverted;
    expect(result.reports.map((r) => r.outcome.kind)).toEqual(['rolled-back', 'rolled-back']);
    expect(describeOutcome(result.reports[1]!.outcome)).not.toMatch(/not verified/);
    expect(sw.runningConfig()).toBe(running);
    expect(sw.startupConfig()).toBe(running);
    await expectHostAsBefore(host, before);
  });

  it('OS6: locked out after the change, startup-config is untouched and the verdict says a reload restores it', async () => {
    const host = bed.hosts[0]!;
    const before = await readFile(host.interfacesPath, 'utf8');
    const sw = await startSwitch('dell-os6', { lockoutAfterChange: true });
    const startup = sw.startupConfig();
    const result = await deployBoth(hostAndSwitch(host, sw), sw, 10);
    expect(result.reports.map((r) => r.outcome.kind)).toEqual(['rolled-back', 'stranded']);
    expect(result.lines[1]).toMatch(
      /^sw1: not rolled back: .*startup-config is unchanged, so reloading it .* restores/,
    );
    expect(sw.startupConfig()).toBe(startup);
    await expectHostAsBefore(host, before);
  });
});
