/**
 * Synthetic texts written from the corpus' bonding/FORMAT.md for what no
 * sample covers: the newest header lines, modes without samples, the 3.x line
 * order, tab indentation, other words for "Slave", and bad values.
 */
import { describe, expect, it } from 'vitest';
import { parseBondingProc, type BondingInfo } from '../../../shared/status/bonding-proc.js';

const lines = (...ls: string[]) => `${ls.join('\n')}\n`;

function ok(text: string): BondingInfo {
  const result = parseBondingProc(text);
  if (!result.ok) throw new Error(`line ${result.error.line}: ${result.error.message}`);
  expect(result.warnings).toEqual([]);
  return result.value;
}

const NEW_KERNEL_8023AD = lines(
  'Ethernet Channel Bonding Driver: v6.8.0-90-generic',
  '',
  'Bonding Mode: IEEE 802.3ad Dynamic link aggregation',
  'Transmit Hash Policy: layer3+4 (1)',
  'MII Status: up',
  'MII Polling Interval (ms): 100',
  'Up Delay (ms): 0',
  'Down Delay (ms): 0',
  'Peer Notification Delay (ms): 0',
  '',
  '802.3ad info',
  'LACP active: on',
  'LACP rate: fast',
  'Min links: 0',
  'Aggregator selection policy (ad_select): stable',
  'System priority: 65535',
  'System MAC address: 58:47:ca:12:34:56',
  'Active Aggregator Info:',
  '\tAggregator ID: 1',
  '\tNumber of ports: 2',
  '\tActor Key: 9',
  '\tPartner Key: 1000',
  '\tPartner Mac Address: F8:B1:56:00:00:01',
  '',
  'Slave Interface: enp88s0',
  'MII Status: up',
  'Speed: 2500 Mbps',
  'Duplex: full',
  'Link Failure Count: 0',
  'Permanent HW addr: 58:47:ca:12:34:56',
  'Slave queue ID: 0',
  'Aggregator ID: 1',
  'Actor Churn State: none',
  'Partner Churn State: none',
  'Actor Churned Count: 0',
  'Partner Churned Count: 0',
  'details actor lacp pdu:',
  '    system priority: 65535',
  '    system mac address: 58:47:ca:12:34:56',
  '    port key: 9',
  '    port priority: 255',
  '    port number: 1',
  '    port state: 63',
  'details partner lacp pdu:',
  '    system priority: 32768',
  '    system mac address: f8:b1:56:00:00:01',
  '    oper key: 1000',
  '    port priority: 128',
  '    port number: 17',
  '    port state: 61',
);

describe('parseBondingProc from the format description', () => {
  it('reads a current-kernel 802.3ad bond with every optional line', () => {
    const info = ok(NEW_KERNEL_8023AD);
    expect(info).toMatchObject({
      driverVersion: 'v6.8.0-90-generic',
      mode: '802.3ad',
      xmitHashPolicy: 'layer3+4',
      peerNotifyDelayMs: 0,
    });
    expect(info.lacp).toMatchObject({ active: true, rate: 'fast', minLinks: 0, systemMac: '58:47:ca:12:34:56' });
    expect(info.lacp?.activeAggregator).toEqual({
      id: 1,
      ports: 2,
      actorKey: 9,
      partnerKey: 1000,
      partnerMac: 'f8:b1:56:00:00:01',
    });
    const [s] = info.slaves;
    expect(s).toMatchObject({ name: 'enp88s0', speedMbps: 2500, queueId: 0, aggregatorId: 1, actorChurn: 'none' });
    expect(s!.actor).toMatchObject({ key: 9, portNumber: 1, portState: { value: 63 } });
    expect(s!.partner).toMatchObject({ key: 1000, portNumber: 17, portPriority: 128, portState: { value: 61 } });
    expect(s!.partner!.portState!.bits.short_timeout).toBe(false);
  });

  it('reads ARP monitoring lines of newer kernels and fail_over_mac', () => {
    const info = ok(
      lines(
        'Ethernet Channel Bonding Driver: v6.1.0-13-amd64',
        '',
        'Bonding Mode: fault-tolerance (active-backup) (fail_over_mac active)',
        'Primary Slave: None',
        'Currently Active Slave: None',
        'MII Status: down',
        'MII Polling Interval (ms): 0',
        'Up Delay (ms): 0',
        'Down Delay (ms): 0',
        'Peer Notification Delay (ms): 0',
        'ARP Polling Interval (ms): 500',
        'ARP Missed Max: 2',
        'ARP IP target/s (n.n.n.n form): 10.0.0.1, 10.0.0.2',
        'NS IPv6 target/s (xx::xx form): fd00::1',
      ),
    );
    expect(info).toMatchObject({
      mode: 'active-backup',
      failOverMac: 'active',
      activeSlave: null,
      miiStatus: 'down',
      arpMissedMax: 2,
    });
    expect(info.arpIpTargets).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(info.nsIpv6Targets).toEqual(['fd00::1']);
  });

  it.each([
    ['transmit load balancing', 'balance-tlb'],
    ['adaptive load balancing', 'balance-alb'],
    ['fault-tolerance (broadcast)', 'broadcast'],
  ])('names mode "%s" %s', (name, mode) => {
    const info = ok(
      lines(`Bonding Mode: ${name}`, 'MII Status: up', '', 'Slave Interface: eth0', 'MII Status: going back'),
    );
    expect(info.mode).toBe(mode);
    expect(info.slaves[0]!.miiStatus).toBe('going back');
  });

  it('reads the 3.x order (queue id after the aggregator), tabs and spaces alike', () => {
    const info = ok(
      lines(
        'Bonding Mode: IEEE 802.3ad Dynamic link aggregation',
        'MII Status: up',
        '802.3ad info',
        'LACP rate: slow',
        'Active Aggregator Info:',
        '  \t  Aggregator ID: 7',
        '\t\tPartner Mac Address: 00:11:22:33:44:55',
        'Slave Interface:\teth0',
        '\tMII Status:   up',
        'Aggregator ID: 7',
        'Slave queue ID: 3',
      ),
    );
    expect(info.lacp?.activeAggregator).toEqual({ id: 7, partnerMac: '00:11:22:33:44:55' });
    expect(info.slaves[0]).toMatchObject({ name: 'eth0', miiStatus: 'up', aggregatorId: 7, queueId: 3 });
  });

  it('accepts other words for "Slave" in the slave header and master lines', () => {
    const info = ok(
      lines(
        'Bonding Mode: fault-tolerance (active-backup)',
        'Primary Port: eth1 (primary_reselect better)',
        'Currently Active Port: eth1',
        'MII Status: up',
        '',
        'Port Interface: eth1',
        'MII Status: up',
        'Port queue ID: 0',
        '',
        'Slave: eth2',
        'MII Status: down',
      ),
    );
    expect(info.primary).toEqual({ name: 'eth1', reselect: 'better' });
    expect(info.activeSlave).toBe('eth1');
    expect(info.slaves.map((s) => [s.name, s.miiStatus, s.queueId])).toEqual([
      ['eth1', 'up', 0],
      ['eth2', 'down', undefined],
    ]);
  });

  it('keeps unknown lines as warnings with their line numbers', () => {
    const result = parseBondingProc(
      lines('Bonding Mode: load balancing (xor)', 'MII Status: up', 'Frobnication Level: 11'),
    );
    expect(result.ok && result.warnings).toEqual([
      { line: 3, message: 'skipped unknown line "Frobnication Level: 11"' },
    ]);
  });

  it.each([
    [lines('Bonding Mode: quantum entanglement', 'MII Status: up'), 1, /unknown bonding mode "quantum entanglement"/],
    [
      lines('Bonding Mode: load balancing (xor)', 'MII Status: sideways'),
      2,
      /MII Status: expected up or down, found "sideways"/,
    ],
    [
      lines(
        'Bonding Mode: load balancing (xor)',
        'MII Status: up',
        'Slave Interface: eth0',
        'Link Failure Count: many',
      ),
      4,
      /Link Failure Count: expected a whole number/,
    ],
    [
      lines('Bonding Mode: load balancing (xor)', 'MII Status: up', 'Slave Interface: eth0', 'Aggregator ID:'),
      4,
      /Aggregator ID: expected a whole number, found ""/,
    ],
    [
      lines(
        'Bonding Mode: load balancing (xor)',
        'MII Status: up',
        'Slave Interface: eth0',
        'details actor lacp pdu:',
        '  port state: 300',
      ),
      5,
      /port state: expected a port state byte 0-255/,
    ],
    [
      lines('Bonding Mode: load balancing (xor)', 'MII Status: up', 'Speed: 1000 Mbps'),
      3,
      /"Speed" belongs to a slave/,
    ],
    [
      lines('Bonding Mode: load balancing (xor)', 'MII Status: up', 'Slave Interface: two words'),
      3,
      /expected an interface name/,
    ],
  ])('refuses bad values, naming the line (%#)', (text, line, message) => {
    const result = parseBondingProc(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.line).toBe(line);
      expect(result.error.message).toMatch(message);
    }
  });

  it('refuses a file cut short: mid-line, or after a slave header', () => {
    const head = [
      'Bonding Mode: load balancing (xor)',
      'MII Status: up',
      '',
      'Slave Interface: eth0',
      'MII Status: up',
      '',
    ];
    // Every line the kernel writes ends with a newline; "Link Failure Count: 1" may have been "12".
    expect(
      parseBondingProc(`${lines(...head, 'Slave Interface: eth1', 'MII Status: up')}Link Failure Count: 1`),
    ).toEqual({
      ok: false,
      error: {
        line: 9,
        message: 'the text ends in the middle of this line ("Link Failure Count: 1"): the file was cut short',
      },
    });
    expect(parseBondingProc(lines(...head, 'Slave Interface: eth1'))).toEqual({
      ok: false,
      error: {
        line: 7,
        message: 'slave eth1 has no "MII Status:" line, which the kernel always writes: the file was cut short',
      },
    });
  });

  it('refuses a slave listed twice, naming both lines', () => {
    const text = lines(
      'Bonding Mode: load balancing (xor)',
      'MII Status: up',
      '',
      'Slave Interface: eth0',
      'MII Status: up',
      '',
      'Slave Interface: eth0',
      'MII Status: up',
    );
    expect(parseBondingProc(text)).toEqual({
      ok: false,
      error: { line: 7, message: 'slave eth0 is listed again (first at line 4): the file is corrupt' },
    });
  });

  it('refuses text without the lines every bonding file has', () => {
    expect(parseBondingProc('')).toEqual({
      ok: false,
      error: { message: 'the text is empty: not a /proc/net/bonding file' },
    });
    expect(parseBondingProc('Ethernet Channel Bonding Driver: v6.8.0\n')).toMatchObject({
      ok: false,
      error: { message: /no "Bonding Mode:" line/ },
    });
    expect(parseBondingProc('Bonding Mode: load balancing (xor)\n')).toMatchObject({
      ok: false,
      error: { message: /no "MII Status:" line/ },
    });
    expect(parseBondingProc('hello world\n')).toMatchObject({
      ok: false,
      error: { line: 1, message: /not a \/proc\/net\/bonding file/ },
    });
  });
});
