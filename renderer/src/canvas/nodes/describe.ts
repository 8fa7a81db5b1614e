/** Short text for node bodies, from the element's own fields. */
import type { Bond, Bridge, Port, PortChannel, Switchport, VlanInterface } from '../../../../shared/model/schema.js';

export function speedText(mbps: number | undefined): string | undefined {
  if (mbps === undefined) return undefined;
  return mbps >= 1000 ? `${mbps / 1000} GbE` : `${mbps} Mb/s`;
}

const joined = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join(' · ');

export const describePort = (p: Port) => joined(speedText(p.speed), p.mtu !== undefined && `MTU ${p.mtu}`, p.inet?.method === 'static' && p.inet.addresses[0]) || 'port';
export const describeBond = (b: Bond) =>
  joined(b.mode, b.mode === '802.3ad' && b.lacpRate && `LACP ${b.lacpRate}`, b.xmitHashPolicy, b.inet?.method === 'static' && b.inet.addresses[0]);
export const describeBridge = (b: Bridge) =>
  joined(b.vlanAware ? 'VLAN-aware' : 'bridge', b.pvid !== undefined && `PVID ${b.pvid}`, b.inet?.method === 'static' ? b.inet.addresses[0] : b.inet?.method === 'dhcp' && 'DHCP');
export const describeVlan = (v: VlanInterface) => joined(`VLAN ${v.vlan}`, v.inet?.method === 'static' ? v.inet.addresses[0] : v.inet?.method === 'dhcp' && 'DHCP');

export function describeSwitchport(s: Switchport | undefined): string {
  if (!s) return 'access 1 (default)';
  if (s.mode === 'access') return `access ${s.vlan}`;
  return joined(`trunk ${s.allowed === 'all' ? 'all' : s.allowed}`, s.native !== undefined && `native ${s.native}`);
}
export const describeChannel = (c: PortChannel) => joined(`LACP ${c.lacp}`, describeSwitchport(c.switchport));
