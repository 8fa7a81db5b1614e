import { describe, expect, it } from 'vitest';
import { createApiEmitter } from '../../../../shared/api-events.js';
import { createDeployApi } from '../../../../electron/engine/deploy/deploy-api.js';
import { DeployRefusedError, DeployService } from '../../../../electron/engine/deploy/deploy-service.js';
import type { DeployDriver, NetworkDriver } from '../../../../electron/engine/deploy/driver.js';
import { SWITCH_DRIVERS, type DriverRegistry } from '../../../../electron/engine/deploy/drivers/index.js';
import type { DevicePlan } from '../../../../electron/engine/deploy/plan.js';
import { parseDesign } from '../../../../shared/load/index.js';
import type { Design } from '../../../../shared/model/index.js';
import { PLATFORM_REGISTRY } from '../../../../shared/platforms/index.js';
import { renderInterfaces } from '../../../../shared/targets/ifupdown2/index.js';
import { exampleDesign, exampleJson } from '../../../helpers/design.js';
import { FakeHost, type Answer } from './fake-session.js';

/** The example with a second host, `deb1` (Debian, SSH target set), and `nossh` (no SSH target). */
function twoPlatforms(): Design {
  const json = exampleJson();
  json.hosts.push(
    {
      id: 'deb1',
      name: 'deb1',
      platform: 'debian',
      ssh: { address: '10.2.200.31', port: 22, user: 'root' },
      ports: [{ id: 'deb1-eth0', name: 'eth0' }],
    },
    { id: 'nossh', name: 'nossh', platform: 'debian', ports: [{ id: 'nossh-eth0', name: 'eth0' }] },
  );
  const result = parseDesign(JSON.stringify(json));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.design;
}

/** The example with two rule errors: a 9000-byte bond member on a 1500 bond, cabled to a 1500 switch port. */
function withRuleErrors(): Design {
  const json = exampleJson();
  json.hosts[0].ports[2].mtu = 9000;
  const result = parseDesign(JSON.stringify(json));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.design;
}

/** A driver registry whose one driver records each device it drives and reports it unchanged. */
function recordingDrivers(): { drivers: DriverRegistry; driven: DevicePlan[] } {
  const driven: DevicePlan[] = [];
  const unchanged: NetworkDriver = {
    loadCandidate: async (content) => ({ live: content, unchanged: true, checkOutput: '' }),
    compare: () => '',
    commit: async () => ({ kind: 'applied' }),
    confirm: async () => ({ kind: 'confirmed' }),
    rollback: async () => undefined,
    awaitRevert: async () => ({ verified: true, detail: '' }),
    discard: async () => undefined,
    close: () => undefined,
  };
  const recording: DeployDriver = {
    candidate: { target: 'ifupdown2', path: 'etc/network/interfaces' },
    create: (device) => {
      driven.push(device);
      return unchanged;
    },
  };
  return { drivers: { ifupdown2: recording, ...SWITCH_DRIVERS }, driven };
}

const refusal = (attempt: () => unknown): DeployRefusedError => {
  try {
    attempt();
  } catch (e) {
    if (e instanceof DeployRefusedError) return e;
    throw e;
  }
  throw new Error('not refused');
};

describe('DeployService', () => {
  it('refuses a design with rule errors, naming every error, before planning anything', () => {
    const error = refusal(() => new DeployService().plan(withRuleErrors(), []));
    expect(error.code).toBe('deploy-refused');
    expect(error.message.split('\n')).toEqual([
      'the design has errors; fix them before deploying',
      expect.stringMatching(
        /^ {2}error mtu\/cable-mismatch cable-enp3s0f0np0 cables\[2\]: port enp3s0f0np0 on ms01 sends 9000-byte packets/,
      ),
      expect.stringMatching(
        /^ {2}error mtu\/bond-member-mismatch ms01-bond1 hosts\[0\]\.bonds\[1\]: bond bond1 on ms01 has MTU 1500/,
      ),
    ]);
  });

  it('plans one device per host with an SSH target: the driver its platform names, the file that driver installs', () => {
    const design = twoPlatforms();
    const plan = new DeployService().plan(design, []);
    expect(plan.devices.map((d) => [d.deviceId, d.driver, d.target])).toEqual([
      ['ms01', PLATFORM_REGISTRY.proxmox.driver, { name: 'ms01', address: '10.2.200.30', port: 22, user: 'root' }],
      ['deb1', PLATFORM_REGISTRY.debian.driver, { name: 'deb1', address: '10.2.200.31', port: 22, user: 'root' }],
    ]);
    for (const device of plan.devices) {
      expect(device.candidate).toMatchObject({
        target: 'ifupdown2',
        path: 'etc/network/interfaces',
        content: renderInterfaces(design, device.deviceId),
      });
    }
    // The example's switch has no SSH target either: it is left out like a host without one.
    expect(plan.skipped).toEqual([
      { host: 'nossh', reason: 'has no SSH target (set address, port and user in the inspector)' },
      { host: 'n4032', reason: 'has no SSH target (set address, port and user in the inspector)' },
    ]);
  });

  it('plans a switch with an SSH target beside its host, by its vendor, as one change with the switch last', () => {
    const json = exampleJson();
    json.switches[0].ssh = { address: '10.2.200.2', port: 22, user: 'admin' };
    const loaded = parseDesign(JSON.stringify(json));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const plan = new DeployService().plan(loaded.design, []);
    expect(plan.devices.map((d) => [d.target.name, d.driver, d.candidate.path])).toEqual([
      ['ms01', 'ifupdown2', 'etc/network/interfaces'],
      ['n4032', 'dell-os6', 'snippet.txt'],
    ]);
    expect(plan.groups).toEqual([
      { devices: ['ms01', 'n4032'], order: 'n4032 last: it carries the management path of ms01' },
    ]);
    // Named alone, the switch is its own plan: no group.
    expect(new DeployService().plan(loaded.design, ['n4032']).groups).toEqual([]);
  });

  it('refuses requests it cannot meet, and a deploy with nothing to deploy', () => {
    const design = twoPlatforms();
    expect(refusal(() => new DeployService().plan(design, ['nope', 'nossh'])).message).toBe(
      'no host or switch named "nope" in the design (devices: ms01, deb1, nossh, n4032)\nhost "nossh" has no SSH target (set address, port and user in the inspector)',
    );
    design.hosts = design.hosts.filter((h) => h.id === 'nossh');
    expect(refusal(() => new DeployService().plan(design, [])).message).toBe(
      'no host or switch to deploy (nossh has no SSH target (set address, port and user in the inspector); n4032 has no SSH target (set address, port and user in the inspector))',
    );
  });

  it('drives each device with the driver of its registry entry, given the planned candidate', async () => {
    const { drivers, driven } = recordingDrivers();
    const service = new DeployService(drivers);
    const design = twoPlatforms();
    const run = service.start(service.plan(design, ['deb1']), { openSession: new FakeHost(() => ({ code: 1 })).open });
    expect((await run.prepare()).map((p) => p.state)).toEqual(['unchanged']);
    expect(driven.map((d) => [d.deviceId, d.candidate.content])).toEqual([['deb1', renderInterfaces(design, 'deb1')]]);
  });

  it('runs the Debian/Proxmox driver over the session for a real registry: the candidate reaches the host', async () => {
    const design = exampleDesign();
    const answer = (name: string): Answer =>
      name === 'netloom-prepare' ? { code: 10, stderr: ['@netloom unchanged'] } : { code: 1 };
    const host = new FakeHost(answer);
    const service = new DeployService();
    const run = service.start(service.plan(design, []), { openSession: host.open });
    expect((await run.prepare()).map((p) => p.state)).toEqual(['unchanged']);
    expect(host.sent.map((c) => c.stdin)).toEqual([renderInterfaces(design, 'ms01')]);
    expect(host.sent[0]!.argv).toContain('/etc/network/interfaces');
  });
});

describe('DeployApi', () => {
  it("refuses a design with rule errors with the service's message, before connecting anywhere", async () => {
    const { drivers, driven } = recordingDrivers();
    const api = createDeployApi(
      { dataDir: '/nonexistent', emitter: createApiEmitter() },
      { service: new DeployService(drivers) },
    );
    const expected = refusal(() => new DeployService().plan(withRuleErrors(), []));
    await expect(api.prepareDeploy(withRuleErrors(), { hosts: [], acceptHostKeys: [] })).rejects.toThrow(expected);
    expect(driven).toEqual([]);
  });

  it('prepares a clean design through the service: every host with an SSH target, by its driver', async () => {
    const { drivers, driven } = recordingDrivers();
    const api = createDeployApi(
      { dataDir: '/nonexistent', emitter: createApiEmitter() },
      { service: new DeployService(drivers) },
    );
    const prepared = await api.prepareDeploy(twoPlatforms(), { hosts: [], acceptHostKeys: [] });
    expect(prepared.hosts).toEqual([
      { host: 'ms01', state: 'unchanged' },
      { host: 'deb1', state: 'unchanged' },
    ]);
    expect(prepared.skipped.map((s) => s.host)).toEqual(['nossh', 'n4032']);
    expect(driven.map((d) => d.deviceId)).toEqual(['ms01', 'deb1']);
  });
});
