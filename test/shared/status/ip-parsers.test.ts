import { describe, expect, it } from 'vitest';
import { parseIpAddr } from '../../../shared/status/ip-addr.js';
import { parseIpLink } from '../../../shared/status/ip-link.js';
import { parseSysfsLinks } from '../../../shared/status/sysfs-link.js';
import { readCorpus } from './corpus.js';
import { lacpSlave, ms01Addresses, ms01Links, physical } from './fixtures.js';

describe('parseIpLink', () => {
  it('reads flags, operstate, MTU, master and the bond keys of master and slaves', () => {
    const result = parseIpLink(
      JSON.stringify(
        ms01Links({ enp91s0: physical('enp91s0', { up: false, master: 'bond0', slave: lacpSlave(1, 69, 1, 'DOWN') }) }),
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const bond0 = result.value.get('bond0')!;
    expect(bond0).toMatchObject({ kind: 'bond', operstate: 'UP', mtu: 1500 });
    expect(bond0.bond).toMatchObject({
      mode: '802.3ad',
      xmitHashPolicy: 'layer3+4',
      lacpRate: 'fast',
      minLinks: 0,
      adInfo: { aggregator: 1, partnerMac: 'f8:b1:56:00:00:01' },
    });
    const down = result.value.get('enp91s0')!;
    expect(down).toMatchObject({ operstate: 'DOWN', master: 'bond0' });
    expect(down.flags).not.toContain('LOWER_UP');
    expect(down.bondSlave).toMatchObject({
      miiStatus: 'DOWN',
      aggregatorId: 1,
      actorState: { value: 69 },
      partnerState: { value: 1 },
    });
    expect(down.bondSlave!.actorState!.bits.defaulted).toBe(true);
  });

  it('reads the trimmed pve-common mock from the corpus', () => {
    const json = JSON.parse(readCorpus('iplink/pve-common__ip_link_details.json'));
    const result = parseIpLink(JSON.stringify(Object.values(json)));
    expect(result.ok && [...result.value.keys()]).toEqual(['lo', 'eth0', 'vmbr0']);
    expect(result.ok && result.value.get('vmbr0')!.kind).toBe('bridge');
  });

  it('names the JSON path of a value of the wrong type', () => {
    const links = ms01Links();
    (links[1] as any).linkinfo.info_slave_data.ad_actor_oper_port_state = 'sixty-three';
    expect(parseIpLink(JSON.stringify(links))).toMatchObject({
      ok: false,
      error: { path: '[1].linkinfo.info_slave_data.ad_actor_oper_port_state' },
    });
    expect(parseIpLink('[{"ifname": 3}]')).toMatchObject({ ok: false, error: { path: '[0].ifname' } });
    expect(parseIpLink('{"ifname": "eth0"}')).toMatchObject({
      ok: false,
      error: { message: 'expected a JSON array of links' },
    });
    expect(parseIpLink('Device "bond9" does not exist.')).toMatchObject({
      ok: false,
      error: { message: /not valid JSON/ },
    });
  });
});

describe('parseIpAddr', () => {
  it('lists addresses with family and scope by interface', () => {
    const result = parseIpAddr(JSON.stringify(ms01Addresses()));
    expect(result.ok && result.value.get('vmbr0')).toEqual([
      { cidr: '10.2.200.30/24', family: 'inet', scope: 'global' },
      { cidr: 'fe80::5a47:caff:fe00:1/64', family: 'inet6', scope: 'link' },
    ]);
  });

  it('refuses what is not an address list', () => {
    expect(parseIpAddr('[{"ifname": "x", "addr_info": [{"prefixlen": 999}]}]')).toMatchObject({
      ok: false,
      error: { path: '[0].addr_info[0].prefixlen' },
    });
  });
});

describe('parseSysfsLinks', () => {
  it('reads speeds and duplex, with -1, 4294967295 and unreadable (EINVAL) as unknown', () => {
    const result = parseSysfsLinks('enp88s0 2500 full\nveth1 -1 unknown\nbond0 4294967295 ?\nlo ? ?\n');
    expect(result.ok && Object.fromEntries(result.value)).toEqual({
      enp88s0: { speedMbps: 2500, duplex: 'full' },
      veth1: { speedMbps: null, duplex: null },
      bond0: { speedMbps: null, duplex: null },
      lo: { speedMbps: null, duplex: null },
    });
  });

  it('names the line it cannot read', () => {
    expect(parseSysfsLinks('eth0 1000 full\neth1 fast full\n')).toMatchObject({ ok: false, error: { line: 2 } });
  });
});
