/**
 * The switch drivers against the test switch (a real ssh2 server with the
 * vendor's CLI): the example's switch deployed with the service's plan, over
 * the SSH layer with the host key checked and a password asked at run time.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeployRun } from '../../../../../electron/engine/deploy/deploy-run.js';
import { DeployService } from '../../../../../electron/engine/deploy/deploy-service.js';
import type { NetworkDriver } from '../../../../../electron/engine/deploy/driver.js';
import { planDeploy, type DevicePlan } from '../../../../../electron/engine/deploy/plan.js';
import { DRIVERS } from '../../../../../electron/engine/deploy/drivers/index.js';
import { saveLocalBackup } from '../../../../../electron/engine/deploy/local-backups.js';
import { sshCliOpener } from '../../../../../electron/engine/deploy/ssh-session.js';
import { knownHostsName } from '../../../../../electron/engine/ssh/index.js';
import { validateDesign } from '../../../../../shared/validate/index.js';
import { describeOutcome } from '../../../../../shared/deploy/outcome.js';
import type { DeployProgress } from '../../../../../shared/deploy/progress.js';
import { parseDesign } from '../../../../../shared/load/index.js';
import type { SwitchVendor } from '../../../../../shared/model/schema.js';
import { exampleJson } from '../../../../helpers/design.js';
import { TestSwitch, type SwitchFaults } from '../../../../switch/test-switch.js';

const PASSWORD = 'switch-pw';
const SECRET = 'en-secret';
/** One revert-timer minute of the test switch: long enough to confirm in, unless a test waits for the timer. */
const MINUTE_MS = 20_000;
const SHORT_MINUTE_MS = 5_000;
const cleanups: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

interface Rig {
  readonly sw: TestSwitch;
  readonly plan: DevicePlan;
  readonly dataDir: string;
  readonly asked: string[];
  readonly events: DeployProgress[];
  run(plans?: readonly DevicePlan[]): DeployRun;
}

/** The example design with its switch as `vendor` (`description` on Po8), SSH target at a fresh test switch. */
async function rig(
  vendor: SwitchVendor,
  options: { faults?: SwitchFaults; description?: string; minuteMs?: number } = {},
): Promise<Rig> {
  const minuteMs = options.minuteMs ?? MINUTE_MS;
  const sw = await TestSwitch.start({
    vendor,
    password: PASSWORD,
    enableSecret: SECRET,
    minuteMs,
    setup: vendor === 'cisco-ios' ? ['archive', 'path flash:archived', 'exit'] : [],
    ...(options.faults ? { faults: options.faults } : {}),
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'netloom-switch-driver-'));
  cleanups.push(
    () => sw.close(),
    () => rm(dataDir, { recursive: true, force: true }),
  );
  const knownHosts = join(dataDir, 'known_hosts.test');
  await writeFile(knownHosts, `${knownHostsName(sw.address, sw.port)} ${sw.hostPublicKey}\n`);
  const json = exampleJson();
  json.switches[0].vendor = vendor;
  json.switches[0].ssh = { address: sw.address, port: sw.port, user: sw.user };
  const loaded = parseDesign(JSON.stringify(json));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  // A hostile description is set past the schema and the rules (which refuse it too), to prove the driver's own check.
  if (options.description !== undefined) loaded.design.switches[0]!.portChannels[0]!.description = options.description;
  const plan = planDeploy(loaded.design, ['n4032'], DRIVERS).devices[0]!;
  const asked: string[] = [];
  const events: DeployProgress[] = [];
  const openCli = sshCliOpener({
    dataDir,
    knownHostsFiles: [knownHosts],
    switchPassword: async () => (asked.push('password'), PASSWORD),
    enableSecret: async () => (asked.push('enable secret'), SECRET),
  });
  const run = (plans: readonly DevicePlan[] = [plan]) =>
    new DeployRun(plans, {
      openSession: () => Promise.reject(new Error('no host in this test')),
      openCli,
      saveLocalBackup: (host, live, stamp, name) => saveLocalBackup(dataDir, host, live, stamp, 10, name),
      onProgress: (e) => events.push(e),
      timing: { minuteMs, reconnectAttemptMs: 2_000, revertMarginS: 0, reachAfterRevertMs: 5_000 },
    });
  return { sw, plan, dataDir, asked, events, run };
}

async function deployOnce(r: Rig, revertIn = 30): Promise<string> {
  const run = r.run();
  const [prepared] = await run.prepare();
  expect(prepared?.state, JSON.stringify(prepared)).toBe('ready');
  const [report] = await run.apply({ revertIn });
  return describeOutcome(report!.outcome);
}

describe('switch drivers on the test switch', () => {
  it('IOS: archive checked, backup on flash, revert timer armed, verified from a new session, confirmed and saved', async () => {
    const r = await rig('cisco-ios');
    const before = r.sw.runningConfig();
    const run = r.run();
    const [prepared] = await run.prepare();
    expect(prepared).toMatchObject({ state: 'ready' });
    expect(prepared?.state === 'ready' && prepared.diff).toContain('+switchport trunk native vlan 240');
    const [report] = await run.apply({ revertIn: 30 });
    expect(describeOutcome(report!.outcome)).toBe('confirmed');
    expect(r.sw.revertPending).toBe(false);
    expect(r.sw.startupConfig()).toBe(r.sw.runningConfig());
    expect(r.sw.runningConfig()).toContain('switchport trunk native vlan 240');
    expect([...r.sw.flash.keys()]).toEqual([expect.stringMatching(/^netloom-\d{8}T\d{6}Z\.cfg$/)]);
    const backups = await readdir(join(r.dataDir, 'backups/n4032'));
    expect(backups).toEqual([expect.stringMatching(/^running-config\.\d{8}T\d{6}Z$/)]);
    expect(await readFile(join(r.dataDir, 'backups/n4032', backups[0]!), 'utf8')).toContain('hostname Switch');
    expect(before).not.toBe(r.sw.runningConfig());
    // Keys are not enough: the password and the enable secret were each asked once for the run.
    expect(r.asked).toEqual(['password', 'enable secret']);
    // A second deploy finds nothing to send.
    const [again] = await r.run().prepare();
    expect(again?.state).toBe('unchanged');
  });

  it('IOS without the archive: refused before any change, saying how to enable it', async () => {
    const sw = await TestSwitch.start({ vendor: 'cisco-ios', password: PASSWORD, enableSecret: SECRET });
    const r = await rig('cisco-ios');
    await r.sw.close();
    const json = exampleJson();
    json.switches[0].vendor = 'cisco-ios';
    json.switches[0].ssh = { address: sw.address, port: sw.port, user: sw.user };
    cleanups.push(() => sw.close());
    await writeFile(
      join(r.dataDir, 'known_hosts.test'),
      `${knownHostsName(sw.address, sw.port)} ${sw.hostPublicKey}\n`,
    );
    const loaded = parseDesign(JSON.stringify(json));
    if (!loaded.ok) throw new Error('example');
    const [prepared] = await r.run(new DeployService().plan(loaded.design, ['n4032']).devices).prepare();
    expect(prepared).toMatchObject({ state: 'failed', reason: expect.stringMatching(/archive is off.*path flash:/) });
    expect(sw.runningConfig()).not.toContain('native vlan 240');
  });

  it('IOS: a line the switch rejects reverts at once (configure revert now); running-config equals the backup', async () => {
    const r = await rig('cisco-ios', { faults: { rejectLine: /native vlan/ } });
    const before = r.sw.runningConfig();
    expect(await deployOnce(r)).toMatch(/^rolled back: .*refused "switchport trunk native vlan 240"/);
    expect(r.sw.runningConfig()).toBe(before);
    expect(r.sw.startupConfig()).toBe(before);
    expect(r.sw.revertPending).toBe(false);
  });

  it('IOS: locked out after the change, the switch reverts by its own timer', async () => {
    const r = await rig('cisco-ios', { faults: { lockoutAfterChange: true }, minuteMs: SHORT_MINUTE_MS });
    const before = r.sw.runningConfig();
    const reverted = new Promise<void>((resolve) => r.sw.onDidRevert(resolve));
    const verdict = await deployOnce(r, 2);
    await reverted;
    expect(verdict).toMatch(/^rolled back: no new SSH session/);
    expect(verdict).not.toMatch(/not verified/);
    expect(r.sw.runningConfig()).toBe(before);
    expect(r.sw.startupConfig()).toBe(before);
  });

  it('OS6: backup-config kept, running-config changed, verified, then copied to startup-config', async () => {
    const r = await rig('dell-os6');
    expect(await deployOnce(r)).toBe('confirmed');
    expect(r.sw.runningConfig()).toContain('switchport trunk native vlan 240');
    expect(r.sw.startupConfig()).toBe(r.sw.runningConfig());
    expect(r.sw.backup).toBeDefined();
  });

  it('OS6: a rejected line is undone with the inverse lines; running- and startup-config equal the backup', async () => {
    const r = await rig('dell-os6', { faults: { rejectLine: /channel-group 8/ } });
    const before = r.sw.runningConfig();
    expect(await deployOnce(r)).toMatch(/^rolled back: .*refused "channel-group 8 mode active"/);
    expect(r.sw.runningConfig()).toBe(before);
    expect(r.sw.startupConfig()).toBe(before);
  });

  it('OS6: locked out after the change, startup-config is untouched and the verdict says a reload restores it', async () => {
    const r = await rig('dell-os6', { faults: { lockoutAfterChange: true } });
    const startup = r.sw.startupConfig();
    const verdict = await deployOnce(r, 3);
    expect(verdict).toMatch(/^not rolled back: .*startup-config is unchanged, so reloading it .* restores/);
    expect(r.sw.startupConfig()).toBe(startup);
    expect(r.sw.runningConfig()).not.toBe(startup);
  });

  describe('a hostile description never reaches a switch line', () => {
    it.each([
      ['a newline and end', 'uplink\nend\nreload'],
      ['a question mark', 'uplink?'],
      ['more than the vendor allows', 'x'.repeat(80)],
    ])('%s: refused before connecting, the switch untouched', async (_what, description) => {
      const json = exampleJson();
      json.switches[0].portChannels[0].description = description;
      const refused = parseDesign(JSON.stringify(json));
      const rules = refused.ok ? validateDesign(refused.design).filter((d) => d.severity === 'error') : [];
      expect(!refused.ok || rules.length > 0, 'the schema or a rule refuses it first').toBe(true);
      const r = await rig('dell-os6', { description });
      const before = r.sw.runningConfig();
      const [prepared] = await r.run().prepare();
      expect(prepared).toMatchObject({
        state: 'failed',
        reason: expect.stringMatching(/refused before connecting|line break/),
      });
      expect(r.events.filter((e) => e.step === 'connect')).toEqual([]);
      expect(r.sw.runningConfig()).toBe(before);
    });
  });
});

describe('one change over a host and its switch', () => {
  /** A host driver that applies and then confirms, or fails, as told; it records rollbacks. */
  function fakeHost(result: 'confirmed' | 'rolled-back', log: string[]): NetworkDriver {
    return {
      loadCandidate: async () => ({ live: 'old', unchanged: false, checkOutput: '' }),
      compare: () => '-old\n+new',
      commit: async () => (log.push('host commit'), { kind: 'applied' }),
      confirm: async () => {
        log.push('host confirm');
        return result === 'confirmed' ? { kind: 'confirmed' } : { kind: 'rolled-back', reason: 'health check failed' };
      },
      rollback: async () => void log.push('host rollback'),
      awaitRevert: async () => ({ verified: true, detail: '' }),
      discard: async () => undefined,
      close: () => undefined,
    };
  }

  it.each(['cisco-ios', 'dell-os6'] as const)(
    '%s: a host that fails its check rolls the switch back too',
    async (vendor) => {
      const r = await rig(vendor);
      const before = r.sw.runningConfig();
      const log: string[] = [];
      const hostPlan: DevicePlan = {
        ...r.plan,
        deviceId: 'ms01',
        driver: 'ifupdown2',
        target: { ...r.plan.target, name: 'ms01' },
      };
      const run = new DeployRun(
        [hostPlan, r.plan],
        {
          openSession: () => Promise.reject(new Error('unused')),
          openCli: sshCliOpener({
            dataDir: r.dataDir,
            knownHostsFiles: [join(r.dataDir, 'known_hosts.test')],
            switchPassword: async () => PASSWORD,
            enableSecret: async () => SECRET,
          }),
          drivers: {
            ...(await import('../../../../../electron/engine/deploy/drivers/index.js')).DRIVERS,
            ifupdown2: {
              candidate: { target: 'ifupdown2', path: 'etc/network/interfaces' },
              create: () => fakeHost('rolled-back', log),
            },
          },
        },
        [{ devices: ['ms01', 'n4032'], order: 'n4032 last' }],
      );
      expect((await run.prepare()).map((p) => p.state)).toEqual(['ready', 'ready']);
      const reports = await run.apply({ revertIn: 30 });
      expect(reports.map((x) => [x.host, x.outcome.kind])).toEqual([
        ['ms01', 'rolled-back'],
        ['n4032', 'rolled-back'],
      ]);
      expect(describeOutcome(reports[1]!.outcome)).toMatch(/rolled back with the rest of its change: ms01/);
      expect(log).toEqual(['host commit', 'host confirm']);
      expect(r.sw.runningConfig()).toBe(before);
      expect(r.sw.startupConfig()).toBe(before);
    },
  );
});
