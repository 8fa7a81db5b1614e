/**
 * What the libvirt and VMware importers share: a problem or a note at a line
 * of the file read, and how imported networks join a host of a design (an
 * existing network of the same key keeps its id, so the VM NICs on it stay,
 * and its zone, comment and dedicated flag, which no file holds).
 */
import { indexDesign } from '../model/index-of.js';
import type { Design, Host, PlatformId, VirtualNetwork } from '../model/schema.js';

export interface LineNote {
  readonly line: number;
  readonly message: string;
}

export type ReadResult<T> =
  | { readonly ok: true; readonly value: T; readonly notes: readonly LineNote[] }
  | { readonly ok: false; readonly line: number; readonly message: string };

/** A network as a file describes it: the fields a file can set, and the uplink by interface name. */
export type ImportedNetwork = Omit<VirtualNetwork, 'id' | 'uplink' | 'zone' | 'dedicatedUplink' | 'comment'> & {
  readonly uplinkName?: string;
  /** Line of the file the network (or its bridge mapping) is on, for problems found when it joins the host. */
  readonly line: number;
};

export type Attached =
  | { readonly ok: true; readonly design: Design; readonly notes: readonly string[] }
  | {
      readonly ok: false;
      readonly line?: number;
      readonly message: string;
    };

/**
 * Puts `networks` on the host named `hostName` (which must run `platform`),
 * matching existing networks by `sameNetwork`; the uplink is found by name
 * among the host's ports, bonds and bridges.
 */
export function attachNetworks(
  design: Design,
  hostName: string,
  platform: PlatformId,
  networks: readonly ImportedNetwork[],
  sameNetwork: (existing: VirtualNetwork, imported: ImportedNetwork) => boolean,
): Attached {
  const host = design.hosts.find((h) => h.name === hostName);
  if (!host) return { ok: false, message: `the design has no host named ${hostName}` };
  if (host.platform !== platform)
    return {
      ok: false,
      message: `host ${hostName} is a ${host.platform} host; set its platform to ${platform} before importing its networks`,
    };
  const interfaces = [...host.ports, ...host.bonds, ...host.bridges];
  const notes: string[] = [];
  const merged: VirtualNetwork[] = [...host.virtualNetworks];
  for (const imported of networks) {
    const { uplinkName, line: at, ...fields } = imported;
    const uplink = uplinkName === undefined ? undefined : interfaces.find((i) => i.name === uplinkName);
    if (uplinkName !== undefined && !uplink)
      return {
        ok: false,
        line: at,
        message: `host ${hostName} has no port, bond or bridge named ${uplinkName} for network ${imported.name}`,
      };
    const index = merged.findIndex((n) => sameNetwork(n, imported));
    const existing = index < 0 ? undefined : merged[index];
    const network: VirtualNetwork = {
      id: existing?.id ?? freeId(design, `${host.id}-${imported.name}`, merged),
      zone: existing?.zone ?? 'lan',
      dedicatedUplink: uplink ? (existing?.dedicatedUplink ?? false) : false,
      ...(existing?.comment === undefined ? {} : { comment: existing.comment }),
      ...fields,
      ...(uplink ? { uplink: uplink.id } : {}),
    };
    if (existing) merged[index] = network;
    else merged.push(network);
    notes.push(`${existing ? 'replaced' : 'added'} network ${imported.name} on host ${hostName}`);
  }
  const hosts = design.hosts.map((h): Host => (h.id === host.id ? { ...h, virtualNetworks: merged } : h));
  return { ok: true, design: { ...design, hosts }, notes };
}

/** `base`, or `base-2`, `base-3`...: an id no element of the design (or network about to join it) has. */
function freeId(design: Design, base: string, networks: readonly VirtualNetwork[]): string {
  const taken = indexDesign(design).byId;
  const used = (id: string) => taken.has(id) || networks.some((n) => n.id === id);
  const clean = base.replace(/[^A-Za-z0-9._-]/g, '-');
  if (!used(clean)) return clean;
  for (let i = 2; ; i++) if (!used(`${clean}-${i}`)) return `${clean}-${i}`;
}
