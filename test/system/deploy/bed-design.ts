/**
 * Designs for test-bed hosts: each bed host as a Debian host whose ports are
 * its veths (eth0 management with its bed address and gateway, eth1 data),
 * SSH as root on its management address. `tweak` changes one host's ports
 * (an MTU, an extra address, a VLAN) to make the change a test deploys.
 */
import { parseDesign } from '../../../shared/load/index.js';
import { type Design } from '../../../shared/model/index.js';
import type { Bed, BedHost } from '../../helpers/bed.js';

export interface PortTweak {
  /** Extra fields for eth0 / eth1 (`mtu`, `inet`...), merged over the defaults. */
  readonly eth0?: Record<string, unknown>;
  readonly eth1?: Record<string, unknown>;
  /** VLAN interfaces on eth1: `{ id, name, vlan }`. */
  readonly vlans?: readonly { readonly name: string; readonly vlan: number }[];
}

export function hostJson(host: BedHost, tweak: PortTweak = {}): Record<string, unknown> {
  const id = `h${host.index}`;
  return {
    id,
    name: host.name,
    platform: 'debian',
    ssh: { address: host.mgmtAddress, port: host.sshPort, user: 'root' },
    ports: [
      {
        id: `${id}-eth0`,
        name: 'eth0',
        inet: { method: 'static', addresses: [`${host.mgmtAddress}/24`], gateway: host.gatewayAddress },
        ...tweak.eth0,
      },
      { id: `${id}-eth1`, name: 'eth1', ...tweak.eth1 },
    ],
    vlans: (tweak.vlans ?? []).map((v) => ({
      id: `${id}-${v.name}`,
      name: v.name,
      parent: `${id}-eth1`,
      vlan: v.vlan,
    })),
  };
}

/** A design of the bed's hosts (all, or those numbered in `only`), each with its tweak. */
export function bedDesign(
  bed: Bed,
  tweaks: (host: BedHost) => PortTweak = () => ({}),
  only?: readonly number[],
): Design {
  const hosts = bed.hosts.filter((h) => !only || only.includes(h.index));
  const result = parseDesign(
    JSON.stringify({ format: 'netloom/1', name: `bed ${bed.prefix}`, hosts: hosts.map((h) => hostJson(h, tweaks(h))) }),
  );
  if (!result.ok) throw new Error(`bed design does not load: ${JSON.stringify(result.problems)}`);
  return result.design;
}
