import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import {
  HostKeyTrust,
  HostKeyUnknownError,
  knownHostsName,
  SshConnectionError,
  connect,
} from '../../electron/engine/ssh/index.js';
import { CliShell } from '../../electron/engine/ssh/cli-shell.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { SwitchVendor } from '../../shared/model/schema.js';
import { parseEtherchannelSummary } from '../../shared/status/ios-etherchannel-summary.js';
import { parseLacpNeighbors } from '../../shared/status/ios-lacp-neighbor.js';
import { parseOs6InterfacesStatus } from '../../shared/status/os6-interfaces-status.js';
import { parseOs6PortChannels } from '../../shared/status/os6-port-channel.js';
import { readSwitchConfig, switchportOf } from '../../shared/switch-config/read.js';
import { login, RawTerminal } from './connect.js';
import { TestSwitch, type TestSwitchOptions } from './test-switch.js';

const PASSWORD = 'switch-pw';
const SECRET = 'en-secret';
const ARCHIVE = ['archive', 'path flash:netloom', 'exit'];
const switches: TestSwitch[] = [];

async function start(options: Partial<TestSwitchOptions> & { vendor: SwitchVendor }): Promise<TestSwitch> {
  const sw = await TestSwitch.start({ password: PASSWORD, enableSecret: SECRET, ...options });
  switches.push(sw);
  return sw;
}

/** A raw terminal logged in, at the first prompt. */
async function terminal(sw: TestSwitch): Promise<RawTerminal> {
  const { channel } = await login(sw, PASSWORD);
  const term = new RawTerminal(channel);
  await term.until(/[>#] ?$/);
  return term;
}

/** Runs lines at the raw terminal (enable first), each up to the next prompt. */
async function typeLines(term: RawTerminal, lines: readonly string[]): Promise<string> {
  let all = '';
  for (const line of lines) all += await term.type(`${line}\r`, /\n[^\n]*[>#] ?$/);
  return all;
}

async function privileged(sw: TestSwitch): Promise<RawTerminal> {
  const term = await terminal(sw);
  await term.type('enable\r', /Password: $/);
  await term.type(`${SECRET}\r`, /# ?$/);
  return term;
}

afterEach(async () => {
  await Promise.all(switches.splice(0).map((sw) => sw.close()));
});

describe('prompts and modes', () => {
  it('walks the IOS modes', async () => {
    const sw = await start({ vendor: 'cisco-ios', hostname: 'c9300' });
    const term = await terminal(sw);
    expect(term.text).toMatch(/c9300>$/);
    await term.type('enable\r', /Password: $/);
    await term.type('wrong\r', /Password: $/);
    await term.type(`${SECRET}\r`, /c9300#$/);
    expect(await term.type('configure terminal\r', /c9300\(config\)#$/)).toContain(
      'Enter configuration commands, one per line.  End with CNTL/Z.',
    );
    await term.type('interface TenGigabitEthernet1/0/5\r', /c9300\(config-if\)#$/);
    await term.type('interface range Te1/0/1 - 4\r', /c9300\(config-if-range\)#$/);
    await term.type('vlan 240\r', /c9300\(config-vlan\)#$/);
    await term.type('exit\r', /c9300\(config\)#$/);
    await term.type('archive\r', /c9300\(config-archive\)#$/);
    await term.type('end\r', /c9300#$/);
    await term.type('disable\r', /c9300>$/);
    term.channel.write('exit\r');
    await term.ended();
  });

  it('walks the OS6 modes', async () => {
    const sw = await start({ vendor: 'dell-os6' });
    const term = await terminal(sw);
    expect(term.text).toMatch(/console>$/);
    await term.type('enable\r', /Password: $/);
    await term.type(`${SECRET}\r`, /console#$/);
    await term.type('configure\r', /console\(config\)#$/);
    await term.type('interface Te1/0/5\r', /console\(config-if-Te1\/0\/5\)#$/);
    await term.type('interface port-channel 8\r', /console\(config-if-Po8\)#$/);
    await term.type('vlan 240\r', /console\(config-vlan240\)#$/);
    await term.type('exit\r', /console\(config\)#$/);
    await term.type('exit\r', /console#$/);
  });

  it('refuses the enable secret after three wrong tries', async () => {
    const sw = await start({ vendor: 'cisco-ios' });
    const term = await terminal(sw);
    await term.type('enable\r', /Password: $/);
    await term.type('a\r', /Password: $/);
    await term.type('b\r', /Password: $/);
    expect(await term.type('c\r', /Switch>$/)).toContain('% Bad secrets');
  });

  it('takes unique abbreviations and says which are ambiguous', async () => {
    const sw = await start({ vendor: 'cisco-ios' });
    const term = await privileged(sw);
    await term.type('conf t\r', /\(config\)#$/);
    await term.type('int te1/0/5\r', /\(config-if\)#$/);
    await term.type('sw mo tr\r', /\(config-if\)#$/);
    await term.type('end\r', /#$/);
    expect(sw.runningConfig()).toMatch(/interface TenGigabitEthernet1\/0\/5\n switchport mode trunk\n/);
    expect(await term.type('c\r', /#$/)).toContain('% Ambiguous command:  "c"');
  });
});

describe('errors', () => {
  it('marks the word IOS cannot read with a caret under it', async () => {
    const sw = await start({ vendor: 'cisco-ios' });
    const term = await privileged(sw);
    await term.type('configure terminal\r', /#$/);
    const out = await term.type('interfase Te1/0/5\r', /\(config\)#$/);
    expect(out).toContain("\r\n               ^\r\n% Invalid input detected at '^' marker.\r\n\r\n");
    const bad = await term.type('vlan 240,5000\r', /\(config\)#$/);
    expect(bad).toContain(`${' '.repeat('Switch(config)#vlan '.length)}^\r\n% Invalid input detected at '^' marker.`);
    expect(await term.type('interface\r', /\(config\)#$/)).toContain('% Incomplete command.\r\n\r\n');
    expect(await term.type('interface Te9/0/1\r', /\(config\)#$/)).toContain(
      `${' '.repeat('Switch(config)#interface Te'.length)}^`,
    );
    await term.type('interface Te1/0/5\r', /\(config-if\)#$/);
    expect(await term.type('switchport access vlan 4095\r', /\(config-if\)#$/)).toContain(
      "% Invalid input detected at '^' marker.",
    );
    expect(await term.type('mtu 9999\r', /\(config-if\)#$/)).toContain("% Invalid input detected at '^' marker.");
  });

  it('answers OS6 errors with the OS6 texts', async () => {
    const sw = await start({ vendor: 'dell-os6' });
    const term = await terminal(sw);
    // OS6 takes terminal settings only in privileged EXEC.
    expect(await term.type('terminal length 0\r', /console>$/)).toContain("% Invalid input detected at '^' marker.");
    await term.type('enable\r', /Password: $/);
    await term.type(`${SECRET}\r`, /#$/);
    await term.type('configure\r', /\(config\)#$/);
    expect(await term.type('interface Te3/0/1\r', /\(config\)#$/)).toContain(
      'An invalid interface has been used for this function.',
    );
    await term.type('interface Te1/0/7\r', /#$/);
    await term.type('channel-group 10 mode on\r', /#$/);
    expect(await term.type('switchport mode trunk\r', /#$/)).toContain('Interface is part of a port-channel.');
  });
});

describe('paging', () => {
  it('pages show running-config on IOS until terminal length 0', async () => {
    const sw = await start({ vendor: 'cisco-ios' });
    const term = await privileged(sw);
    const first = await term.type('show running-config\r', / --More-- $/);
    // The echoed command, 23 lines (a page of the default length 24 less one), the pager.
    expect(first.split('\r\n')).toHaveLength(25);
    await term.type(' ', / --More-- $/);
    await term.type('\r', / --More-- $/);
    expect(await term.type('q', /Switch#$/)).not.toContain('end\r\n');
    await term.type('terminal length 0\r', /#$/);
    const all = await term.type('show running-config\r', /\r\nend\r\nSwitch#$/);
    expect(all).not.toContain('--More--');
    expect(all).toContain('Building configuration...');
  });

  it('pages on OS6 with its own pager prompt', async () => {
    const sw = await start({
      vendor: 'dell-os6',
      setup: Array.from({ length: 30 }, (_, i) => `vlan ${100 + i}`).flatMap((v) => [v, 'exit']),
    });
    const term = await privileged(sw);
    await term.type('show running-config\r', /--More-- or \(q\)uit$/);
    expect(await term.type('q', /console#$/)).not.toContain('exit\r\nexit');
  });
});

describe('configuration', () => {
  const HOSTNAMES: Record<SwitchVendor, string> = { 'cisco-ios': 'c9300', 'dell-os6': 'n4032' };
  const fixture = (vendor: SwitchVendor, name: string) =>
    readFileSync(new URL(`../shared/targets/${vendor}/__fixtures__/${name}`, import.meta.url), 'utf8');

  for (const vendor of ['cisco-ios', 'dell-os6'] as const) {
    for (const design of ['homelab', 'rich']) {
      it(`takes every line of Netloom's ${vendor} ${design} snippet and ends with what the startup-config says`, async () => {
        const sw = await start({ vendor, hostname: HOSTNAMES[vendor] });
        const term = await privileged(sw);
        const lines = fixture(vendor, `${design}.snippet.txt`).trimEnd().split('\n');
        const out = await typeLines(term, lines);
        expect(out).not.toMatch(/% |An invalid|Interface is part/);
        expect(term.text).toMatch(/#$/);
        expect(term.text.endsWith(`${HOSTNAMES[vendor]}#`)).toBe(true);

        const want = readSwitchConfig(fixture(vendor, `${design}.startup-config.txt`), vendor);
        const got = readSwitchConfig(sw.runningConfig(), vendor);
        expect(got.problems).toEqual([]);
        expect(got.vlans.map((v) => [v.vlan, v.name])).toEqual(want.vlans.map((v) => [v.vlan, v.name]));
        for (const iface of want.interfaces) {
          const mine = got.interfaces.find((i) => i.name === iface.name);
          expect(mine, iface.name).toBeDefined();
          expect([iface.name, mine!.description, switchportOf(vendor, mine!), mine!.channelGroup, mine!.mtu]).toEqual([
            iface.name,
            iface.description,
            switchportOf(vendor, iface),
            iface.channelGroup,
            iface.mtu,
          ]);
        }
      });
    }
  }

  it('keeps IOS allowed lists as IOS prints them', async () => {
    const sw = await start({ vendor: 'cisco-ios' });
    const term = await privileged(sw);
    await typeLines(term, [
      'configure terminal',
      'interface Te1/0/5',
      'switchport trunk allowed vlan 10,20',
      'switchport trunk allowed vlan add 30-40',
      'switchport trunk allowed vlan remove 35',
      'switchport trunk native vlan 1',
      'end',
    ]);
    expect(sw.runningConfig()).toContain(
      'interface TenGigabitEthernet1/0/5\n switchport trunk allowed vlan 10,20,30-34,36-40\n!',
    );
    await typeLines(term, ['configure terminal', 'interface Te1/0/5', 'switchport trunk allowed vlan none', 'end']);
    expect(sw.runningConfig()).toContain('interface TenGigabitEthernet1/0/5\n switchport trunk allowed vlan none\n!');
    await typeLines(term, ['configure terminal', 'interface Te1/0/5', 'switchport trunk allowed vlan all', 'end']);
    expect(sw.runningConfig()).toContain('interface TenGigabitEthernet1/0/5\n!');
  });

  it('saves to the startup-config on IOS (write memory, copy with its filename question)', async () => {
    const sw = await start({ vendor: 'cisco-ios' });
    const term = await privileged(sw);
    await typeLines(term, ['terminal length 0', 'configure terminal', 'vlan 240', 'name management', 'end']);
    expect(sw.startupConfig()).not.toContain('vlan 240');
    await term.type('copy running-config startup-config\r', /Destination filename \[startup-config\]\? $/);
    expect(await term.type('\r', /#$/)).toContain('Building configuration...\r\n[OK]');
    expect(sw.startupConfig()).toContain('vlan 240\n name management\n');
    await typeLines(term, ['configure terminal', 'vlan 245', 'end']);
    expect(await term.type('write memory\r', /#$/)).toContain('[OK]');
    expect(sw.startupConfig()).toContain('vlan 245\n');
    expect(await term.type('show startup-config\r', /#$/)).toContain('vlan 245');
  });

  it('asks (y/n) before OS6 saves, and keeps a backup-config', async () => {
    const sw = await start({ vendor: 'dell-os6' });
    const term = await privileged(sw);
    await typeLines(term, ['terminal length 0', 'configure', 'vlan 240', 'name "management"', 'exit', 'exit']);
    await term.type('copy running-config startup-config\r', /Are you sure you want to save\? \(y\/n\) $/);
    expect(await term.type('n', /#$/)).toContain('Configuration Not Saved!');
    expect(sw.startupConfig()).not.toContain('vlan 240');
    await term.type('copy running-config startup-config\r', /\(y\/n\) $/);
    expect(await term.type('y', /#$/)).toContain('Configuration Saved!');
    expect(sw.startupConfig()).toContain('vlan 240\nname "management"\nexit');
    expect(await term.type('show backup-config\r', /#$/)).toContain('does not exist');
    await term.type('copy running-config backup-config\r', /\(y\/n\) $/);
    await term.type('y', /#$/);
    expect(await term.type('show backup-config\r', /#$/)).toContain('name "management"');
  });
});

describe('IOS archive and revert timer', () => {
  it('refuses a revert timer without an archive path', async () => {
    const sw = await start({ vendor: 'cisco-ios' });
    const term = await privileged(sw);
    expect(await term.type('configure terminal revert timer 5\r', /Switch#$/)).toContain(
      '%Turn config archive on before using Rollback Confirmed Change',
    );
    expect(await term.type('configure confirm\r', /#$/)).toContain('%No Rollback Confirmed Change pending');
  });

  it('restores the running-config when the timer fires', async () => {
    const sw = await start({ vendor: 'cisco-ios', setup: ARCHIVE });
    const before = sw.runningConfig();
    const term = await privileged(sw);
    const armed = await term.type('configure terminal revert timer 5\r', /\(config\)#$/);
    expect(armed).toContain('Rollback Confirmed Change: Backing up current running config to flash:netloom-0');
    await typeLines(term, ['vlan 999', 'end']);
    expect(sw.runningConfig()).toContain('vlan 999');
    expect(await term.type('show archive config rollback timer\r', /#$/)).toMatch(
      /Timer value: 5 min\r\nTime remaining: [0-4] min \d+ sec\r\nUser: admin/,
    );
    // A short minute from here on, so the re-armed timer fires while the test waits on the event.
    sw.minuteMs = 50;
    const reverted = new Promise<void>((resolve) => sw.onDidRevert(resolve));
    await term.type('configure revert timer 1\r', /#$/);
    await reverted;
    expect(sw.runningConfig()).toBe(before);
    expect(await term.type('show archive config rollback timer\r', /#$/)).toContain(
      '%No Rollback Confirmed Change pending',
    );
    expect(await term.type('configure confirm\r', /#$/)).toContain('%No Rollback Confirmed Change pending');
  });

  it('keeps the change once confirmed, and reverts at once on configure revert now', async () => {
    const sw = await start({ vendor: 'cisco-ios', setup: ARCHIVE });
    const term = await privileged(sw);
    await typeLines(term, ['configure terminal revert timer 5', 'vlan 300', 'end', 'configure confirm']);
    expect(sw.revertPending).toBe(false);
    expect(sw.runningConfig()).toContain('vlan 300');
    const kept = sw.runningConfig();
    await typeLines(term, ['configure terminal revert timer 5', 'vlan 301', 'end']);
    // Armed again before it fires: the archive still holds the configuration from before vlan 301.
    expect(await term.type('configure terminal revert timer 5\r', /\(config\)#$/)).toContain('to flash:netloom-1');
    await typeLines(term, ['vlan 302', 'end']);
    expect(sw.revertPending).toBe(true);
    expect(await term.type('configure revert now\r', /#$/)).toContain(
      'Rollback Confirmed Change: Rolling to:flash:netloom-1',
    );
    expect(sw.runningConfig()).toBe(kept);
    expect(sw.revertPending).toBe(false);
  });
});

describe('faults', () => {
  it('refuses new sessions after a change until the revert timer restores the configuration', async () => {
    const sw = await start({ vendor: 'cisco-ios', setup: ARCHIVE, faults: { lockoutAfterChange: true } });
    const term = await privileged(sw);
    await typeLines(term, ['configure terminal revert timer 5', 'interface Te1/0/1', 'shutdown', 'end']);
    await expect(login(sw, PASSWORD)).rejects.toThrow('connection closed during login');
    expect(sw.refusingSessions).toBe(true);
    // The session already open stays; it shortens the timer, which fires and restores access.
    sw.minuteMs = 50;
    const reverted = new Promise<void>((resolve) => sw.onDidRevert(resolve));
    await term.type('configure revert timer 1\r', /#$/);
    await reverted;
    const again = await terminal(sw);
    expect(again.text).toMatch(/Switch>$/);
  });

  it('drops the session at the configured line of a push; that line is not applied', async () => {
    const sw = await start({ vendor: 'dell-os6', faults: { dropAfterConfigLines: 3 } });
    const term = await privileged(sw);
    await typeLines(term, ['configure', 'vlan 240', 'exit']);
    term.channel.write('vlan 245\r');
    await term.ended();
    expect(sw.runningConfig()).toContain('vlan 240');
    expect(sw.runningConfig()).not.toContain('vlan 245');
  });

  it('rejects a chosen line with the vendor error', async () => {
    const sw = await start({ vendor: 'cisco-ios', faults: { rejectLine: /^ ?mtu / } });
    const term = await privileged(sw);
    await typeLines(term, ['configure terminal', 'interface Te1/0/5']);
    expect(await term.type(' mtu 9198\r', /#$/)).toContain(
      `${' '.repeat('Switch(config-if)# '.length)}^\r\n% Invalid input detected at '^' marker.`,
    );
    expect(sw.runningConfig()).not.toContain('mtu 9198');
  });
});

describe('status commands', () => {
  const partner = { systemMac: '00:1e:49:ff:a3:e6', key: 15, portNumber: 1, fast: true, active: true };

  it('answers show etherchannel summary and show lacp neighbor from its state', async () => {
    const sw = await start({ vendor: 'cisco-ios' });
    sw.links.up.add('TenGigabitEthernet1/0/17').add('TenGigabitEthernet2/0/17').add('TenGigabitEthernet1/0/7');
    sw.links.partners.set('TenGigabitEthernet1/0/17', partner);
    const term = await privileged(sw);
    await typeLines(term, [
      'terminal length 0',
      'configure terminal',
      'interface range Te1/0/17,Te2/0/17',
      'channel-group 8 mode active',
      'interface range Te1/0/7,Te2/0/7',
      'channel-group 10 mode on',
      'end',
    ]);
    const summary = (await term.type('show etherchannel summary\r', /#$/)).split('\r\n').slice(1, -1).join('\n');
    const parsed = parseEtherchannelSummary(summary);
    expect(
      parsed.ok &&
        parsed.value.groups.map((g) => [g.group, g.flags, g.protocol, g.members.map((m) => `${m.port}:${m.state}`)]),
    ).toEqual([
      // Te2/0/17 has a link but no LACP partner answers on it.
      [8, 'SU', 'lacp', ['Te1/0/17:bundled', 'Te2/0/17:stand-alone']],
      [10, 'SU', null, ['Te1/0/7:bundled', 'Te2/0/7:down']],
    ]);
    const lacp = parseLacpNeighbors(
      (await term.type('show lacp neighbor\r', /#$/)).split('\r\n').slice(1, -1).join('\n'),
    );
    expect(
      lacp.ok && lacp.value.map((n) => [n.group, n.port, n.rate, n.active, n.systemMac, n.operKey, n.state.value]),
    ).toEqual([[8, 'Te1/0/17', 'fast', true, '00:1e:49:ff:a3:e6', 15, 0x3f]]);
  });

  it('answers OS6 show interfaces status and show interfaces port-channel from its state', async () => {
    const sw = await start({ vendor: 'dell-os6' });
    sw.links.up.add('Tengigabitethernet1/0/17').add('Tengigabitethernet1/0/5');
    sw.links.partners.set('Tengigabitethernet1/0/17', partner);
    const term = await privileged(sw);
    await typeLines(term, [
      'terminal length 0',
      'configure',
      'vlan 240',
      'exit',
      'interface port-channel 8',
      'description "ms01 bond0"',
      'switchport mode trunk',
      'switchport trunk native vlan 240',
      'exit',
    ]);
    await typeLines(term, [
      'interface Te1/0/17',
      'channel-group 8 mode active',
      'interface Te2/0/17',
      'channel-group 8 mode active',
      'interface Te1/0/5',
      'description "nas eno1"',
      'switchport access vlan 240',
      'exit',
      'exit',
    ]);
    const status = parseOs6InterfacesStatus(
      (await term.type('show interfaces status\r', /#$/)).split('\r\n').slice(1, -1).join('\n'),
    );
    if (!status.ok) throw new Error(status.error.message);
    expect(status.value.ports.find((p) => p.port === 'Te1/0/5')).toMatchObject({
      description: 'nas eno1',
      link: 'up',
      mode: 'access',
      vlans: '240',
      speedMbps: 10000,
    });
    expect(status.value.ports.find((p) => p.port === 'Te1/0/6')).toMatchObject({ link: 'down', speedMbps: null });
    expect(status.value.portChannels).toEqual([
      {
        line: expect.any(Number),
        portChannel: 8,
        description: 'ms01 bond0',
        link: 'up',
        mode: 'trunk',
        vlans: '(240),1-239,241-4094',
      },
    ]);
    const channels = parseOs6PortChannels(
      (await term.type('show interfaces port-channel\r', /#$/)).split('\r\n').slice(1, -1).join('\n'),
    );
    if (!channels.ok) throw new Error(channels.error.message);
    expect(channels.value.map((c) => [c.portChannel, c.lacp, c.members])).toEqual([
      [
        8,
        true,
        [
          { port: 'Te1/0/17', active: true },
          { port: 'Te2/0/17', active: false },
        ],
      ],
    ]);
  });
});

describe("with Netloom's SSH layer", () => {
  it('takes a key login whose host key connect() checked, and offers no exec service', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-switch-'));
    try {
      const { privateKey } = generateKeyPairSync('ec', {
        namedCurve: 'prime256v1',
        privateKeyEncoding: { type: 'sec1', format: 'pem' },
        publicKeyEncoding: { type: 'spki', format: 'pem' },
      });
      const parsed = ssh2.utils.parseKey(privateKey);
      if (parsed instanceof Error || Array.isArray(parsed)) throw new Error('cannot read the generated key');
      writeFileSync(join(dir, 'id_ecdsa'), privateKey, { mode: 0o600 });
      const sw = await start({
        vendor: 'cisco-ios',
        password: undefined,
        authorizedKey: `${parsed.type} ${parsed.getPublicSSH().toString('base64')}`,
      });
      const target = { address: sw.address, port: sw.port, user: sw.user };
      const options = { identityFile: join(dir, 'id_ecdsa'), agent: false as const, timeoutMs: 5_000 };

      const unknown = new HostKeyTrust({ knownHostsFiles: [], storeFile: join(dir, 'empty_known_hosts') });
      await expect(connect(target, { ...options, trust: unknown })).rejects.toBeInstanceOf(HostKeyUnknownError);

      writeFileSync(join(dir, 'known_hosts'), `${knownHostsName(sw.address, sw.port)} ${sw.hostPublicKey}\n`);
      const session = await connect(target, {
        ...options,
        trust: new HostKeyTrust({ knownHostsFiles: [join(dir, 'known_hosts')], storeFile: join(dir, 'store') }),
      });
      try {
        await expect(session.run(['show', 'version'])).rejects.toBeInstanceOf(SshConnectionError);
      } finally {
        session.close();
      }

      // The same login drives the CLI through the session's shell channel.
      const cliSession = await connect(target, {
        ...options,
        trust: new HostKeyTrust({ knownHostsFiles: [join(dir, 'known_hosts')], storeFile: join(dir, 'store') }),
      });
      try {
        const cli = await CliShell.open(await cliSession.shell(), {
          vendor: 'cisco-ios',
          where: knownHostsName(sw.address, sw.port),
          enableSecret: SECRET,
        });
        await cli.send('configure terminal');
        await cli.send('vlan 240');
        await cli.send('end');
        expect(await cli.send('show running-config')).toMatch(/^vlan 240$/m);
      } finally {
        cliSession.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
