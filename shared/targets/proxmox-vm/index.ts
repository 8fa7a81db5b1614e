/**
 * Proxmox VM NICs: a reviewable shell script with one `qm set` line per NIC,
 * `qm set <vmid> --netN <model>[=<MAC>],bridge=<bridge>[,tag=<vlan>]...`.
 * Every value is already validated by the schema (ids, names, MACs, numbers);
 * the script still refuses to print a value outside a small safe alphabet.
 */
import { referable, vmNicAttributes } from '../../model/kinds/index.js';
import type { Design, Host, Vm, VmNic } from '../../model/schema.js';
import { ConfigText } from '../switch-common/config-text.js';
import type { GeneratedFile, Target } from '../target.js';

export const VM_NICS_PATH = 'vm-nics.sh';

const SAFE = /^[A-Za-z0-9._:=,-]+$/;

/** Guards the one place values meet a shell: anything but a plain word is a bug upstream. */
function word(text: string): string {
  if (!SAFE.test(text)) throw new Error(`refusing to write "${text}" into a shell script`);
  return text;
}

const key = (name: keyof typeof vmNicAttributes): string => {
  const k = vmNicAttributes[name].keys['proxmox-vm'];
  return k;
};

function netOption(nic: VmNic, bridgeName: string): string {
  const parts = [nic.mac !== undefined ? `${nic.model}=${nic.mac}` : nic.model, `bridge=${bridgeName}`];
  if (nic.tag !== undefined) parts.push(`tag=${nic.tag}`);
  if (nic.firewall) parts.push(`${key('firewall')}=1`);
  if (nic.rate !== undefined) parts.push(`${key('rate')}=${nic.rate}`);
  if (nic.mtu !== undefined) parts.push(`${key('mtu')}=${nic.mtu}`);
  return parts.join(',');
}

function vmLines(out: ConfigText, vm: Vm, bridgeName: (id: string) => string): void {
  out.line(`# VM ${vm.vmid} ${word(vm.name)}`, vm.id);
  for (const nic of [...vm.nics].sort((a, b) => a.slot - b.slot)) {
    out.line(`qm set ${vm.vmid} --net${nic.slot} ${word(netOption(nic, bridgeName(nic.bridge)))}`, nic.id);
  }
}

function script(host: Host): ConfigText {
  // Whatever kinds the NIC's bridge reference names (Linux and OVS bridges), from the registry.
  const bridges = new Map(
    referable('vm-nic', 'bridge', 'host', host).map((b) => [
      b.id,
      'name' in b && typeof b.name === 'string' ? b.name : b.id,
    ]),
  );
  const bridgeName = (id: string) => {
    const name = bridges.get(id);
    if (name === undefined) throw new Error(`NIC refers to ${id}, which is not a bridge of host ${host.name}`);
    return name;
  };
  const out = new ConfigText()
    .line('#!/bin/sh', host.id)
    .line(`# VM network interfaces on ${word(host.name)}, written by Netloom. Review, then run on the host.`, host.id)
    .line('set -e', host.id);
  for (const vm of [...host.vms].sort((a, b) => a.vmid - b.vmid)) {
    out.line('');
    vmLines(out, vm, bridgeName);
  }
  return out;
}

export const proxmoxVmTarget: Target = {
  id: 'proxmox-vm',
  label: 'Proxmox VM NICs (qm set)',
  appliesTo: (design, deviceId) => design.hosts.some((h) => h.id === deviceId && h.vms.length > 0),
  render(design: Design, deviceId: string): GeneratedFile[] {
    const host = design.hosts.find((h) => h.id === deviceId);
    if (!host) throw new Error(`no host with id ${deviceId}`);
    return [script(host).toFile('proxmox-vm', VM_NICS_PATH)];
  },
};
