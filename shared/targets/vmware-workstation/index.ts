/**
 * The VMware Workstation target of a Linux host: `/etc/vmware/networking`
 * (its VMnets) and, per VM, the `ethernetN` lines for its `.vmx`. Export
 * only: the deploy driver installs the host's interfaces file, not these.
 */
import type { Design, Host, Vm } from '../../model/schema.js';
import { ConfigText } from '../switch-common/config-text.js';
import type { GeneratedFile, Target } from '../target.js';
import { formatNetworking, NETWORKING_PATH, type Vmnet } from './networking.js';
import { formatVmxAdapter } from './vmx.js';

export const vmxPath = (vm: Vm) => `vmware/${vm.name}.vmx-ethernet`;

/** The host's VMnets: each virtual network with its number (the kind's check holds every one to a number). */
export function vmnetsOf(host: Host): Vmnet[] {
  return host.virtualNetworks.flatMap((n): Vmnet[] => {
    if (n.vmnet === undefined) return [];
    if (n.mode === 'bridged') {
      const uplink = [...host.ports, ...host.bonds, ...host.bridges].find((i) => i.id === n.uplink);
      return uplink ? [{ vmnet: n.vmnet, mode: 'bridged', uplink: uplink.name }] : [];
    }
    return [
      {
        vmnet: n.vmnet,
        mode: n.mode,
        dhcp: n.dhcp !== undefined,
        ...(n.subnet === undefined ? {} : { subnet: n.subnet }),
      },
    ];
  });
}

function vmxFile(host: Host, vm: Vm): GeneratedFile {
  const out = new ConfigText().line(`# ${vm.name}: network adapters for its .vmx, written by Netloom`, vm.id);
  for (const nic of [...vm.nics].sort((a, b) => a.slot - b.slot)) {
    const vmnet = host.virtualNetworks.find((n) => n.id === nic.bridge)?.vmnet;
    for (const line of formatVmxAdapter({
      slot: nic.slot,
      model: nic.model,
      ...(vmnet === undefined ? {} : { vmnet }),
      ...(nic.mac === undefined ? {} : { mac: nic.mac }),
    }))
      out.line(line, nic.id);
  }
  return out.toFile('vmware-workstation', vmxPath(vm));
}

export const vmwareWorkstationTarget: Target = {
  id: 'vmware-workstation',
  label: 'VMware Workstation networking and .vmx adapters',
  hostKinds: ['virtual-network'],
  appliesTo: (design, deviceId) =>
    design.hosts.some((h) => h.id === deviceId && (h.virtualNetworks.length > 0 || h.vms.length > 0)),
  render(design: Design, deviceId: string): GeneratedFile[] {
    const host = design.hosts.find((h) => h.id === deviceId);
    if (!host) throw new Error(`no host with id ${deviceId}`);
    return [
      { target: 'vmware-workstation', path: NETWORKING_PATH, content: formatNetworking(vmnetsOf(host)) },
      ...host.vms.map((vm) => vmxFile(host, vm)),
    ];
  },
};
