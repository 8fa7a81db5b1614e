/** A libvirt network XML into a libvirt host of a design: the network of the same name is replaced, its VM NICs kept. */
import type { Design } from '../../model/schema.js';
import { attachNetworks, type Attached, type LineNote } from '../virtual-networks.js';
import { readLibvirtNetwork } from './parse.js';

export { readLibvirtNetwork } from './parse.js';

export function importLibvirtNetwork(
  design: Design,
  hostName: string,
  text: string,
): Attached & { readonly fileNotes: readonly LineNote[] } {
  const read = readLibvirtNetwork(text);
  if (!read.ok) return { ...read, fileNotes: [] };
  const attached = attachNetworks(design, hostName, 'libvirt', [read.value], (e, i) => e.name === i.name);
  return { ...attached, fileNotes: read.notes };
}
