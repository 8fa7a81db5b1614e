/**
 * Proxmox VE firewall files into a design, laid out as pmxcfs shows them
 * under `/etc/pve`: `firewall/cluster.fw` becomes the design's firewall,
 * `nodes/<node>/host.fw` the firewall of the host of that name, and
 * `firewall/<vmid>.fw` the firewall of the VM with that id. The datacenter
 * file is read first, so host and VM rules resolve its aliases and IP sets.
 */
import type { Design } from '../../model/schema.js';
import { parseDatacenterFirewall, parseHostFirewall, parseVmFirewall } from './parse.js';

export interface FirewallFiles {
  readonly cluster?: string;
  /** `host.fw` text by node name. */
  readonly hosts: ReadonlyMap<string, string>;
  /** `<vmid>.fw` text by VM id. */
  readonly vms: ReadonlyMap<number, string>;
}

export interface AttachedFirewall {
  readonly design: Design;
  /** What pve-firewall would warn about and ignore, by file (relative to the `/etc/pve` copy) and line. */
  readonly warnings: readonly { readonly file: string; readonly line: number; readonly message: string }[];
  /** Files that match nothing in the design, with why. */
  readonly skipped: readonly string[];
}

export const clusterFwFile = 'firewall/cluster.fw';
export const hostFwFile = (node: string) => `nodes/${node}/host.fw`;
export const vmFwFile = (vmid: number) => `firewall/${vmid}.fw`;

export function attachFirewall(design: Design, files: FirewallFiles): AttachedFirewall {
  const warnings: { file: string; line: number; message: string }[] = [];
  const skipped: string[] = [];
  const note = (file: string, found: readonly { line: number; message: string }[]) =>
    warnings.push(...found.map((w) => ({ file, ...w })));

  const cluster = files.cluster === undefined ? undefined : parseDatacenterFirewall(files.cluster);
  if (cluster) note(clusterFwFile, cluster.warnings);
  const datacenter = cluster?.firewall ?? design.firewall;

  const hostNames = new Set(design.hosts.map((h) => h.name));
  for (const node of files.hosts.keys()) {
    if (!hostNames.has(node)) skipped.push(`${hostFwFile(node)}: no host named ${node} in the design`);
  }
  const vmids = new Set(design.hosts.flatMap((h) => h.vms.map((v) => v.vmid)));
  for (const vmid of files.vms.keys()) {
    if (!vmids.has(vmid)) skipped.push(`${vmFwFile(vmid)}: no VM ${vmid} in the design`);
  }

  const hosts = design.hosts.map((host) => {
    const hostText = files.hosts.get(host.name);
    const hostFw = hostText === undefined ? undefined : parseHostFirewall(hostText, datacenter);
    if (hostFw) note(hostFwFile(host.name), hostFw.warnings);
    const vms = host.vms.map((vm) => {
      const vmText = files.vms.get(vm.vmid);
      if (vmText === undefined) return vm;
      const vmFw = parseVmFirewall(vmText, datacenter);
      note(vmFwFile(vm.vmid), vmFw.warnings);
      return { ...vm, firewall: vmFw.firewall };
    });
    return { ...host, ...(hostFw ? { firewall: hostFw.firewall } : {}), vms };
  });
  return { design: { ...design, ...(cluster ? { firewall: cluster.firewall } : {}), hosts }, warnings, skipped };
}
