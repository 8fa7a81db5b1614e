/**
 * libvirt network XML (`virsh net-define FILE`), one file per network, in
 * the shape `virsh net-dumpxml` prints: NAT and isolated networks get their
 * own bridge, the host's address and an optional DHCP range; a bridged
 * network hands VMs to an existing host bridge.
 */
import { parsePrefix } from '../../model/ip.js';
import type { LibvirtNetwork, RoutedSubnet } from '../../model/libvirt.js';
import { xmlText } from './xml.js';

export const networkXmlPath = (network: LibvirtNetwork) => `libvirt/networks/${network.name}.xml`;

function ipLines(ipv4: RoutedSubnet): string[] {
  const prefix = parsePrefix(ipv4.address)!;
  const address = ipv4.address.slice(0, ipv4.address.indexOf('/'));
  return [
    `  <ip address='${address}' prefix='${prefix.length}'>`,
    ...(ipv4.dhcp
      ? ['    <dhcp>', `      <range start='${ipv4.dhcp.start}' end='${ipv4.dhcp.end}'/>`, '    </dhcp>']
      : []),
    '  </ip>',
  ];
}

export function formatNetworkXml(network: LibvirtNetwork): string {
  const lines = ['<network>', `  <name>${xmlText(network.name)}</name>`];
  if (network.mode === 'bridge') {
    lines.push("  <forward mode='bridge'/>", `  <bridge name='${xmlText(network.bridgeName)}'/>`);
  } else {
    if (network.mode === 'nat') lines.push("  <forward mode='nat'/>");
    lines.push(`  <bridge name='${xmlText(network.bridgeName)}' stp='on' delay='0'/>`);
    if (network.ipv4) lines.push(...ipLines(network.ipv4));
  }
  lines.push('</network>');
  return `${lines.join('\n')}\n`;
}

/** What a VM NIC is plugged into: a libvirt network by name, or a host bridge directly. */
export type InterfaceSource = { readonly network: string } | { readonly bridge: string; readonly vlan?: number };

export interface InterfaceSpec {
  readonly source: InterfaceSource;
  readonly model: string;
  readonly mac?: string;
}

/**
 * The `<interface>` element of a VM's domain XML (`virsh edit`, or
 * `virsh attach-device --config`). A VLAN tag needs a bridge that filters
 * VLANs for libvirt (Open vSwitch), so the caller passes one only there.
 */
export function formatInterfaceXml(spec: InterfaceSpec): string {
  const { source } = spec;
  const lines = [
    'network' in source ? "<interface type='network'>" : "<interface type='bridge'>",
    ...(spec.mac ? [`  <mac address='${xmlText(spec.mac.toLowerCase())}'/>`] : []),
    'network' in source
      ? `  <source network='${xmlText(source.network)}'/>`
      : `  <source bridge='${xmlText(source.bridge)}'/>`,
    ...('bridge' in source && source.vlan !== undefined
      ? ['  <vlan>', `    <tag id='${source.vlan}'/>`, '  </vlan>', "  <virtualport type='openvswitch'/>"]
      : []),
    `  <model type='${xmlText(spec.model)}'/>`,
    '</interface>',
  ];
  return `${lines.join('\n')}\n`;
}
