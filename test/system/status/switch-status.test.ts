/**
 * Switch live status and `import switch --ssh` against the test switch (an
 * ssh2 server on 127.0.0.1 with the OS6 CLI): Netloom's own SSH layer (host
 * key checked against a known_hosts file, key login), the poller reading the
 * show commands, and the built CLI run as a user would.
 */
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sshConnector, sshSwitchConnector } from '../../../electron/engine/status/ssh-connector.js';
import { STATUS_READERS } from '../../../electron/engine/status/readers.js';
import { StatusService } from '../../../electron/engine/status/status-service.js';
import { knownHostsName } from '../../../electron/engine/ssh/index.js';
import { serializeDesign, type Design, type SwitchVendor } from '../../../shared/model/index.js';
import type { HostStatusUpdate } from '../../../shared/status/live.js';
import { exampleDesign } from '../../helpers/design.js';
import { ROOT } from '../../helpers/cli.js';
import { TestSwitch } from '../../switch/test-switch.js';

const PARTNER = { systemMac: '58:47:ca:00:00:01', key: 15, portNumber: 1, fast: true, active: true };
const MEMBERS = { 8: ['Te1/0/17', 'Te2/0/17'], 9: ['Te1/0/18', 'Te2/0/18'] } as const;
/** The model's long port name on each vendor. */
const LONG: Record<SwitchVendor, string> = { 'dell-os6': 'Tengigabitethernet', 'cisco-ios': 'TenGigabitEthernet' };
const long = (short: string, vendor: SwitchVendor = 'dell-os6') => short.replace(/^Te/, LONG[vendor]);
/** How each vendor's status read says that a member without an LACP partner is not bundled. */
const NOT_BUNDLED: Record<SwitchVendor, string> = {
  'dell-os6': 'its link is up but it is inactive in the port-channel',
  'cisco-ios': 'it is individual (stand-alone): no LACPDU came from the partner',
};

/** Po8 and Po9 as the example design wants them, configured before the first session. */
const SETUP = [
  'vlan 240',
  'exit',
  ...Object.entries(MEMBERS).flatMap(([n, ports]) => [
    `interface port-channel ${n}`,
    `description "ms01 po${n}"`,
    'switchport mode trunk',
    'switchport trunk native vlan 240',
    'exit',
    ...ports.flatMap((p) => [`interface ${p}`, `channel-group ${n} mode active`, 'exit']),
  ]),
];

let dir: string;
let identityFile: string;
let publicKey: string;
let designFile: string;
const started: TestSwitch[] = [];

/** A test switch with Po8 and Po9 configured, every member up with its LACP partner, and a known_hosts file for it. */
async function startSwitch(vendor: SwitchVendor = 'dell-os6'): Promise<{ sw: TestSwitch; knownHostsFile: string }> {
  const sw = await TestSwitch.start({ vendor, hostname: 'n4032', authorizedKey: publicKey, setup: SETUP });
  started.push(sw);
  for (const p of Object.values(MEMBERS).flat()) {
    sw.links.up.add(long(p, vendor));
    sw.links.partners.set(long(p, vendor), PARTNER);
  }
  const knownHostsFile = join(dir, `known_hosts_${sw.port}`);
  writeFileSync(knownHostsFile, `${knownHostsName(sw.address, sw.port)} ${sw.hostPublicKey}\n`);
  return { sw, knownHostsFile };
}

/** The example design, its host without an SSH target (no host is up here): only the switch is read. n4032 may be made an IOS switch. */
function switchOnlyDesign(vendor: SwitchVendor = 'dell-os6'): Design {
  const design = exampleDesign();
  const switches = design.switches.map((sw) => ({
    ...sw,
    vendor,
    ports: sw.ports.map((p) => ({ ...p, name: p.name.replace(LONG['dell-os6'], LONG[vendor]) })),
  }));
  return { ...design, switches, hosts: design.hosts.map(({ ssh: _ssh, ...host }) => host) };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'netloom-switch-status-'));
  const { privateKey } = generateKeyPairSync('ec', {
    namedCurve: 'prime256v1',
    privateKeyEncoding: { type: 'sec1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const parsed = ssh2.utils.parseKey(privateKey);
  if (parsed instanceof Error || Array.isArray(parsed)) throw new Error('cannot read the generated key');
  identityFile = join(dir, 'id_ecdsa');
  writeFileSync(identityFile, privateKey, { mode: 0o600 });
  publicKey = `${parsed.type} ${parsed.getPublicSSH().toString('base64')}`;
  designFile = join(dir, 'lab.netloom.json');
  writeFileSync(designFile, serializeDesign(switchOnlyDesign()));
});

afterAll(async () => {
  await Promise.all(started.map((sw) => sw.close()));
  rmSync(dir, { recursive: true, force: true });
});

/** Updates as they arrive, and a promise for the first one (from now on) that matches. */
function updates() {
  const waiting: { predicate: (u: HostStatusUpdate) => boolean; resolve: (u: HostStatusUpdate) => void }[] = [];
  return {
    onUpdate(u: HostStatusUpdate) {
      for (const w of [...waiting])
        if (w.predicate(u)) {
          waiting.splice(waiting.indexOf(w), 1);
          w.resolve(u);
        }
    },
    next: (predicate: (u: HostStatusUpdate) => boolean) =>
      new Promise<HostStatusUpdate>((resolve) => waiting.push({ predicate, resolve })),
  };
}

/** The built CLI, run without blocking this process (the test switch answers from it). */
function netloom(args: readonly string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${ROOT}bin/netloom.js`, ...args], {
      env: { ...process.env, NETLOOM_DATA_DIR: join(dir, 'data') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('switch live status against the test switch', () => {
  it.each(['dell-os6', 'cisco-ios'] as const)(
    '%s: colours the port-channels, turns one amber when a member stops bundling, and unreachable when the switch goes',
    async (vendor) => {
      const { sw, knownHostsFile } = await startSwitch(vendor);
      const design = switchOnlyDesign(vendor);
      const events = updates();
      const options = { identityFile, knownHostsFile };
      const service = new StatusService(
        sshConnector(options),
        events.onUpdate,
        STATUS_READERS,
        sshSwitchConnector(options),
      );
      try {
        const first = events.next((u) => u.host === 'n4032');
        await service.start(
          design,
          { intervalMs: 200, timeoutMs: 5_000, maxBackoffMs: 400 },
          new Map([['n4032', { address: sw.address, port: sw.port, user: sw.user }]]),
        );
        const ok = await first;
        expect(ok.reachable).toBe(true);
        expect(ok.elements['n4032-po8']).toMatchObject({
          health: 'ok',
          facts: { protocol: 'LACP', bundled: 'Te1/0/17, Te2/0/17', 'host bond': 'bond0 on ms01' },
        });
        expect(ok.elements['n4032-po9']?.health).toBe('ok');
        expect(ok.elements['n4032-te2-0-18']).toMatchObject({
          health: 'ok',
          facts: { link: 'up', 'port-channel': 'Po9' },
        });

        // The host side of Te2/0/18 stops sending LACPDUs: the switch leaves it out of Po9.
        const amber = events.next((u) => u.elements['n4032-po9']?.health === 'degraded');
        sw.links.partners.delete(long('Te2/0/18', vendor));
        expect((await amber).elements['n4032-po9']!.reasons).toEqual([
          `Te2/0/18 is not bundled: ${NOT_BUNDLED[vendor]}`,
          'Po9 bundles Te1/0/18; bond1 on ms01 is cabled to Te1/0/18, Te2/0/18',
        ]);
        sw.links.partners.set(long('Te2/0/18', vendor), PARTNER);
        await events.next((u) => u.elements['n4032-po9']?.health === 'ok');

        // Its link goes: red.
        const red = events.next((u) => u.elements['n4032-te1-0-17']?.health === 'down');
        sw.links.up.delete(long('Te1/0/17', vendor));
        expect((await red).elements['n4032-te1-0-17']!.reasons).toEqual(['Te1/0/17 link is down']);
        sw.links.up.add(long('Te1/0/17', vendor));
        await events.next((u) => u.elements['n4032-te1-0-17']?.health === 'ok');

        // The switch goes away: the open session drops, the next connect is refused.
        const gone = events.next((u) => !u.reachable);
        await sw.close();
        const unreachable = await gone;
        expect(unreachable.elements['n4032-po8']).toMatchObject({ health: 'unreachable' });
        expect(unreachable.elements['n4032-po8']!.reasons[0]).toMatch(/^n4032 does not answer: /);
      } finally {
        await service.stop();
      }
    },
  );

  it('netloom status --switch prints the switch with its ports and port-channels', async () => {
    const { sw: fresh, knownHostsFile: kh } = await startSwitch();
    const run = await netloom([
      'status',
      designFile,
      '--switch',
      `n4032=${fresh.user}@${fresh.address}:${fresh.port}`,
      '--identity',
      identityFile,
      '--known-hosts',
      kh,
    ]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`n4032 (${fresh.user}@${fresh.address}:${fresh.port}): read at `);
    expect(run.stdout).toMatch(/^ {2}ok {10}port-channel 8$/m);
    expect(run.stdout).toMatch(/^ {2}ok {10}port Tengigabitethernet2\/0\/18$/m);
    // ms01 has no SSH target here: not read, so the run is not all ok.
    expect(run.stdout).toContain('ms01 has no SSH target in the design');
    expect(run.status).toBe(1);

    const wrong = await netloom(['status', designFile, '--switch', `core=admin@${fresh.address}`]);
    expect(wrong).toMatchObject({ status: 2 });
    expect(wrong.stderr).toContain('--switch: the design has no switch named "core" (switches: n4032)');
  });

  it('netloom status reads a switch at the SSH target the design holds for it, with no --switch', async () => {
    const { sw: fresh, knownHostsFile: kh } = await startSwitch();
    const design = JSON.parse(readFileSync(designFile, 'utf8')) as Design;
    const file = join(dir, 'switch-ssh.netloom.json');
    writeFileSync(
      file,
      serializeDesign({
        ...design,
        switches: design.switches.map((s) =>
          s.name === 'n4032' ? { ...s, ssh: { address: fresh.address, port: fresh.port, user: fresh.user } } : s,
        ),
      }),
    );
    const run = await netloom(['status', file, '--identity', identityFile, '--known-hosts', kh]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`n4032 (${fresh.user}@${fresh.address}:${fresh.port}): read at `);
    expect(run.stdout).toMatch(/^ {2}ok {10}port-channel 8$/m);
  });
});

describe('netloom import switch --ssh', () => {
  it('reads show running-config over the CLI into the design, replacing the switch of that name', async () => {
    const { sw, knownHostsFile } = await startSwitch();
    const file = join(dir, 'import.netloom.json');
    writeFileSync(file, serializeDesign(exampleDesign()));
    const run = await netloom([
      'import',
      'switch',
      '--ssh',
      `${sw.user}@${sw.address}:${sw.port}`,
      '--vendor',
      'dell-os6',
      '--into',
      file,
      '--identity',
      identityFile,
      '--known-hosts',
      knownHostsFile,
    ]);
    expect(run.stderr).toBe('replaced switch n4032 (4 ports, 2 port-channels) in ' + file + '\n');
    expect(run.status).toBe(0);
    const design = JSON.parse(readFileSync(file, 'utf8')) as Design;
    const n4032 = design.switches.find((s) => s.name === 'n4032')!;
    expect(n4032.portChannels.map((pc) => [pc.id, pc.number, pc.members, pc.description])).toEqual([
      ['n4032-po8', 8, ['n4032-te1-0-17', 'n4032-te2-0-17'], 'ms01 po8'],
      ['n4032-po9', 9, ['n4032-te1-0-18', 'n4032-te2-0-18'], 'ms01 po9'],
    ]);
    expect(n4032.portChannels[0]!.switchport).toEqual({ mode: 'trunk', allowed: 'all', native: 240 });
    // Where it was reached is kept, so live status and deploy find the switch without --switch.
    expect(n4032.ssh).toEqual({ address: sw.address, port: sw.port, user: sw.user });
    // The cables still reach the ports they were plugged into.
    expect(design.cables.map((c) => c.switchPort).sort()).toEqual([
      'n4032-te1-0-17',
      'n4032-te1-0-18',
      'n4032-te2-0-17',
      'n4032-te2-0-18',
    ]);
  });

  it('refuses an unknown host key with the fingerprint, and leaves the design as it was', async () => {
    const { sw } = await startSwitch();
    const file = join(dir, 'untouched.netloom.json');
    const before = serializeDesign(exampleDesign());
    writeFileSync(file, before);
    const empty = join(dir, 'empty_known_hosts');
    writeFileSync(empty, '');
    const run = await netloom([
      'import',
      'switch',
      '--ssh',
      `${sw.user}@${sw.address}:${sw.port}`,
      '--into',
      file,
      '--identity',
      identityFile,
      '--known-hosts',
      empty,
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/authenticity of .* SHA256:/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
