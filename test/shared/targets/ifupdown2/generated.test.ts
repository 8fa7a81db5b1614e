/**
 * Generated hosts of every shape the model allows (bond modes, bridges with
 * and without VLAN awareness, dotted and free-named VLAN interfaces, IPv4 and
 * IPv6, every autostart, MTUs, extra lines): every rendered file passes
 * `ifup -a -s`, and importing it back gives the same file byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { importInterfaces } from '../../../../shared/importers/index.js';
import { BOND_MODES, XMIT_HASH_POLICIES } from '../../../../shared/model/index.js';
import { renderInterfaces } from '../../../../shared/targets/ifupdown2/index.js';
import { judgeInterfaces } from '../../../helpers/ifupdown2.js';
import { restored } from './designs.js';

/** mulberry32: a small seeded generator, so every run checks the same hosts. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)]!;
  const maybe = <T>(value: () => T, p = 0.5): T | undefined => (next() < p ? value() : undefined);
  return { int, pick, maybe };
}

/**
 * What ifupdown2's syntax check refuses although the model can say it (design rules are the place to
 * catch these): addresses on bond members and bridge ports, an MTU on a bond member other than the
 * bond's, any MTU on a bridge (it inherits its ports'), a VLAN interface with a larger MTU than its raw device.
 */
function unaddressed<T extends { inet?: unknown; inet6?: unknown; mtu?: unknown }>(member: T, mtu?: unknown): T {
  delete member.inet;
  delete member.inet6;
  if (mtu === undefined) delete member.mtu;
  else member.mtu = mtu;
  return member;
}

function generatedHost(seed: number): Record<string, unknown> {
  const r = random(seed);
  const id = (name: string) => `g${seed}-${name}`;
  const common = (name: string, i: number) => ({
    autostart: r.pick(['auto', 'auto', 'hotplug', 'off']),
    ...(r.maybe(() => true, 0.3) ? { mtu: r.pick([1500, 9000, 9216]) } : {}),
    ...(r.maybe(() => true, 0.2) ? { extraLines: [`post-up echo ${name} up`] } : {}),
    ...(r.maybe(() => true, 0.2) ? { comment: `note ${i}` } : {}),
    ...(r.maybe(() => true, 0.4)
      ? {
          inet: r.pick([
            { method: 'dhcp' },
            {
              method: 'static',
              addresses: [`10.${seed % 250}.${i}.2/24`, ...(i % 2 ? [`10.${seed % 250}.${i}.3/24`] : [])],
            },
          ]),
        }
      : {}),
    ...(r.maybe(() => true, 0.2)
      ? {
          inet6: r.pick([
            { method: 'dhcp' },
            { method: 'static', addresses: [`fd00:${seed}:${i}::2/64`], gateway: `fd00:${seed}:${i}::1` },
          ]),
        }
      : {}),
  });
  const ports = Array.from({ length: r.int(2, 10) }, (_, i) => ({
    id: id(`eth${i}`),
    name: `eth${i}`,
    ...common(`eth${i}`, i),
  }));
  const free = [...ports];
  const bonds = Array.from({ length: r.int(0, Math.floor(ports.length / 2)) }, (_, b) => {
    const members = [free.shift()!, free.shift()!];
    const mode = r.pick(BOND_MODES);
    const bond = {
      id: id(`bond${b}`),
      name: `bond${b}`,
      members: members.map((m) => m.id),
      mode,
      miimon: r.pick([0, 100, 250]),
      // vlan+srcmac (Linux 5.12) is newer than Debian bookworm's ifupdown2 3.0.0.
      ...(mode === '802.3ad' || mode === 'balance-xor'
        ? { xmitHashPolicy: r.pick(XMIT_HASH_POLICIES.filter((p) => p !== 'vlan+srcmac')) }
        : {}),
      ...(mode === '802.3ad' ? { lacpRate: r.pick(['slow', 'fast']), minLinks: r.int(0, 2) } : {}),
      ...(mode === 'active-backup' ? { primary: members[1]!.id } : {}),
      ...common(`bond${b}`, 20 + b),
    };
    for (const m of members) unaddressed(m, bond.mtu);
    return bond;
  });
  const uplinks = [...bonds, ...free];
  let awareLeft = 1; // Debian's ifupdown2.conf: multiple_vlan_aware_bridge_support=0 (Proxmox VE ships 1)
  const bridges = Array.from({ length: r.int(0, Math.min(3, uplinks.length)) }, (_, b) => {
    const aware = awareLeft > 0 && (r.maybe(() => true) ?? false);
    const uplink = uplinks.shift()!;
    unaddressed(uplink, uplink.mtu);
    if (aware) awareLeft--;
    const { mtu: _bridgeMtu, ...bridgeCommon } = common(`vmbr${b}`, 40 + b);
    return {
      id: id(`vmbr${b}`),
      name: `vmbr${b}`,
      ports: [uplink.id],
      vlanAware: aware,
      stp: r.pick([true, false]),
      forwardDelay: r.int(0, 30),
      ...(aware
        ? {
            vids: r.pick(['2-4094', '1-239,241-255', '10,20,30-40']),
            ...(r.maybe(() => true) ? { pvid: r.int(1, 4094) } : {}),
          }
        : {}),
      ...bridgeCommon,
    };
  });
  const parents = [...ports, ...bonds, ...bridges];
  const vlans = Array.from({ length: r.int(0, 4) }, (_, v) => {
    const parent = r.pick(parents);
    const vid = 100 + v;
    const name = r.pick([`${parent.name}.${vid}`, `vlan${vid}`]);
    const vlan: Record<string, unknown> = { id: id(name), name, parent: parent.id, vlan: vid, ...common(name, 60 + v) };
    // ifupdown2 refuses a VLAN interface with a larger MTU than its raw device.
    const parentMtu = (parent as { mtu?: number }).mtu ?? 1500;
    if (((vlan.mtu as number | undefined) ?? 0) > parentMtu) delete vlan.mtu;
    return vlan;
  });
  return { id: `g${seed}`, name: `g${seed}`, platform: r.pick(['proxmox', 'debian']), ports, bonds, bridges, vlans };
}

describe('ifupdown2 target on generated hosts', () => {
  it('writes files ifup -s accepts, and the import of each renders the same bytes', () => {
    const hosts = Array.from({ length: 40 }, (_, seed) => generatedHost(seed + 1));
    const design = restored({ format: 'netloom/1', name: 'generated', hosts });
    const texts = design.hosts.map((h) => renderInterfaces(design, h.id));
    const judged = judgeInterfaces(texts, { queries: 'all' });
    judged.forEach((j, i) => expect(j.check, texts[i]).toMatchObject({ status: 0, stderr: '' }));
    texts.forEach((text, i) => {
      const host = design.hosts[i]!;
      const back = importInterfaces(text, { hostName: host.name });
      expect(back.notes).toEqual([]);
      const again = restored({ format: 'netloom/1', name: 'back', hosts: [back.host] });
      expect(renderInterfaces(again, host.id)).toBe(text);
    });
  }, 120_000);
});
