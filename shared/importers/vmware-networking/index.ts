/** `/etc/vmware/networking` into a VMware Workstation host of a design: each VMnet replaces the network of its number, VM NICs kept. */
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
  const attached = attachNetworks(design, hostName, 'vmware-workstation', read.value, (e, i) => e.vmnet === i.vmnet);
  return { ...attached, fileNotes: read.notes };
}
