/**
 * ifupdown2: a host's `/etc/network/interfaces`, written the way Proxmox VE
 * writes it. One renderer per host interface kind (`STANZAS`; a kind the
 * registry adds does not compile until it has one), in registry order, which
 * is dependency order (ports, bonds, bridges, VLAN interfaces, then the OVS
 * bonds, bridges and internal ports), then the host's
 * unmanaged stanzas verbatim, then the `source` line for interfaces.d. Same
 * design, same bytes.
 */
import { elementsIn, kindsOwnedBy, type HostInterfaceKind, type ShapeOf } from '../../model/kinds/index.js';
import type { Design, Host } from '../../model/schema.js';
import { ConfigText } from '../switch-common/config-text.js';
import type { GeneratedFile, Target } from '../target.js';
import { INTERFACES_D } from '../../model/ifupdown2-keys.js';
import { interfaceNames, type NameOf } from './names.js';
import { bondStanzas } from './render-bond.js';
import { bridgeStanzas } from './render-bridge.js';
import {
  ovsBondStanzas,
  ovsBridges,
  ovsBridgeStanzas,
  ovsIntPortStanzas,
  ovsPortLines,
  type OvsBridgeOf,
} from './render-ovs.js';
import { portStanzas } from './render-port.js';
import { vlanStanzas } from './render-vlan.js';
import { writeInterface, type InterfaceStanzas } from './stanza.js';

export const INTERFACES_PATH = 'etc/network/interfaces';
export const SOURCE_INTERFACES_D = `source ${INTERFACES_D}`;

function findHost(design: Design, hostId: string): Host {
  const host = design.hosts.find((h) => h.id === hostId);
  if (!host) throw new Error(`no host with id ${hostId}`);
  return host;
}

/** What a renderer may look up on the host: interface names by id, and the OVS bridge an element sits on. */
interface HostLookups {
  readonly nameOf: NameOf;
  readonly ovsBridgeOf: OvsBridgeOf;
}

const STANZAS: { readonly [K in HostInterfaceKind]: (element: ShapeOf<K>, host: HostLookups) => InterfaceStanzas } = {
  port: (port, { ovsBridgeOf }) => {
    const own = portStanzas(port);
    return { ...own, kindLines: [...ovsPortLines(ovsBridgeOf(port.id)), ...own.kindLines] };
  },
  bond: (bond, { nameOf }) => bondStanzas(bond, nameOf),
  bridge: (bridge, { nameOf }) => bridgeStanzas(bridge, nameOf),
  vlan: (vlan, { nameOf }) => vlanStanzas(vlan, nameOf),
  'ovs-bond': (bond, { nameOf, ovsBridgeOf }) => ovsBondStanzas(bond, nameOf, ovsBridgeOf),
  'ovs-bridge': (bridge, { nameOf }) => ovsBridgeStanzas(bridge, nameOf),
  'ovs-int-port': (port, { ovsBridgeOf }) => ovsIntPortStanzas(port, ovsBridgeOf),
};

const INTERFACE_KINDS = kindsOwnedBy('host').filter((k) => k.hostInterface);

/** An unmanaged block that defines `lo` itself replaces the default loopback stanza. */
const definesLoopback = (block: readonly string[]) => block.some((line) => /^\s*iface\s+lo(\s|$)/.test(line));

function interfacesText(host: Host): ConfigText {
  const out = new ConfigText();
  if (!host.unmanaged.some(definesLoopback)) {
    out.line('auto lo', host.id).line('iface lo inet loopback', host.id).line('');
  }
  const lookups: HostLookups = { nameOf: interfaceNames(host), ovsBridgeOf: ovsBridges(host) };
  const stanzas = INTERFACE_KINDS.flatMap((kind) => {
    const render = STANZAS[kind.id as HostInterfaceKind] as (element: unknown, host: HostLookups) => InterfaceStanzas;
    return elementsIn(host, kind).map((element) => render(element, lookups));
  });
  for (const stanza of stanzas) writeInterface(out, stanza);
  for (const block of host.unmanaged) {
    for (const line of block) out.line(line, host.id);
    out.line('');
  }
  return out.line(SOURCE_INTERFACES_D, host.id);
}

function renderFile(design: Design, hostId: string): GeneratedFile {
  return interfacesText(findHost(design, hostId)).toFile('ifupdown2', INTERFACES_PATH);
}

/** The content of the host's `/etc/network/interfaces`, as the deploy engine installs it. */
export function renderInterfaces(design: Design, hostId: string): string {
  return renderFile(design, hostId).content;
}

export const ifupdown2Target: Target = {
  id: 'ifupdown2',
  label: 'ifupdown2 (/etc/network/interfaces)',
  hostKinds: ['bond', 'bridge', 'vlan', 'ovs-bond', 'ovs-bridge', 'ovs-int-port'],
  appliesTo: (design, deviceId) => design.hosts.some((h) => h.id === deviceId),
  render: (design, deviceId) => [renderFile(design, deviceId)],
};
