/**
 * The libvirt target of a KVM host: one network XML per virtual network
 * (`virsh net-define`), one `<interface>` snippet per VM NIC (`virsh
 * attach-device --config`), and the filter for bridged traffic (sysctl
 * drop-in and iptables-restore file) when the host has one. Export only:
 * the deploy driver installs the host's interfaces file, not these.
 */
import { bridgeFilterOf } from '../../model/bridge-rule.js';
import { LibvirtNetwork } from '../../model/libvirt.js';
import type { Design, Host, Vm, VmNic } from '../../model/schema.js';
import { libvirtNetworkOf } from '../../model/virtual-network.js';
import type { GeneratedFile, Target } from '../target.js';
import { formatBridgeRules, formatBridgeSysctl, RULES_V4_PATH, SYSCTL_PATH } from './bridge-filter.js';
import { formatInterfaceXml, formatNetworkXml, networkXmlPath, type InterfaceSource } from './network-xml.js';

export const interfaceXmlPath = (vm: Vm, nic: VmNic) => `libvirt/interfaces/${vm.name}-net${nic.slot}.xml`;

const hasFilter = (host: Host) => host.bridgeFilter !== undefined || host.bridgeRules.length > 0;

/** What the NIC plugs into: a libvirt network, an Open vSwitch bridge (which takes the VLAN tag), or a Linux bridge. */
function sourceOf(host: Host, nic: VmNic): { source: InterfaceSource; droppedTag?: number } {
  const network = host.virtualNetworks.find((n) => n.id === nic.bridge);
  if (network) return { source: { network: network.name } };
  const ovs = host.ovsBridges.find((b) => b.id === nic.bridge);
  if (ovs) return { source: { bridge: ovs.name, ...(nic.tag === undefined ? {} : { vlan: nic.tag }) } };
  const bridge = host.bridges.find((b) => b.id === nic.bridge);
  if (!bridge)
    throw new Error(`NIC ${nic.id} refers to ${nic.bridge}, which is not a network or bridge of ${host.name}`);
  return { source: { bridge: bridge.name }, ...(nic.tag === undefined ? {} : { droppedTag: nic.tag }) };
}

function interfaceFile(host: Host, vm: Vm, nic: VmNic): GeneratedFile {
  const { source, droppedTag } = sourceOf(host, nic);
  const note =
    droppedTag === undefined
      ? ''
      : `<!-- VLAN ${droppedTag}: libvirt tags only on Open vSwitch bridges; tag inside the VM, or use an OVS bridge -->\n`;
  const xml = formatInterfaceXml({ source, model: nic.model, ...(nic.mac ? { mac: nic.mac } : {}) });
  return { target: 'libvirt', path: interfaceXmlPath(vm, nic), content: `${note}${xml}` };
}

function render(host: Host): GeneratedFile[] {
  const networks = host.virtualNetworks.map((n) => LibvirtNetwork.parse(libvirtNetworkOf(n, host)));
  const files: GeneratedFile[] = networks.map((n) => ({
    target: 'libvirt',
    path: networkXmlPath(n),
    content: formatNetworkXml(n),
  }));
  for (const vm of host.vms)
    for (const nic of [...vm.nics].sort((a, b) => a.slot - b.slot)) files.push(interfaceFile(host, vm, nic));
  if (hasFilter(host)) {
    const filter = bridgeFilterOf(host);
    const rules = formatBridgeRules(filter, host.name);
    // The rules file's lines: a header of five, then one per rule in order, then COMMIT.
    const lineElements = rules.split('\n').map((_, i) => (i >= 5 ? host.bridgeRules[i - 5]?.id : host.id));
    files.push(
      { target: 'libvirt', path: SYSCTL_PATH, content: formatBridgeSysctl(filter) },
      { target: 'libvirt', path: RULES_V4_PATH, content: rules, lineElements },
    );
  }
  return files;
}

export const libvirtTarget: Target = {
  id: 'libvirt',
  label: 'libvirt networks, VM interfaces and bridge filter',
  hostKinds: ['virtual-network', 'bridge-rule'],
  appliesTo: (design, deviceId) =>
    design.hosts.some(
      (h) =>
        h.id === deviceId && (h.virtualNetworks.length > 0 || h.vms.some((v) => v.nics.length > 0) || hasFilter(h)),
    ),
  render(design: Design, deviceId: string): GeneratedFile[] {
    const host = design.hosts.find((h) => h.id === deviceId);
    if (!host) throw new Error(`no host with id ${deviceId}`);
    return render(host);
  },
};
