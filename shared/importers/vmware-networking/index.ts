/**
 * `/etc/vmware/networking` into a VMware Workstation host of a design: each
 * VMnet replaces the network of its number, keeping its name (the file has
 * none of its own) and its VM NICs.
 */
import type { Design } from '../../model/schema.js';
import { attachNetworks, type Attached, type LineNote } from '../virtual-networks.js';
import { readVmwareNetworking } from './parse.js';

export { readVmwareNetworking } from './parse.js';

export function importVmwareNetworking(
  design: Design,
  hostName: string,
  text: string,
): Attached & { readonly fileNotes: readonly LineNote[] } {
  const read = readVmwareNetworking(text);
  if (!read.ok) return { ...read, fileNotes: [] };
  const existing = design.hosts.find((h) => h.name === hostName)?.virtualNetworks ?? [];
  const named = read.value.map((n) => ({ ...n, name: existing.find((e) => e.vmnet === n.vmnet)?.name ?? n.name }));
  const attached = attachNetworks(design, hostName, 'vmware-workstation', named, (e, i) => e.vmnet === i.vmnet);
  return { ...attached, fileNotes: read.notes };
}
