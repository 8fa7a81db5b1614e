/**
 * The links of a design as the canvas draws them: elements that are links
 * themselves (cables, VM NICs) and the references the registry marks as
 * memberships (a port in a bond, a bond in a bridge, a VLAN interface on its
 * parent, a switch port in a port-channel). Cables and NICs keep their own
 * ids; memberships get a derived id that is stable and cannot clash with an
 * element id (ids never contain ':').
 */
import { deviceOf, kindEntry, type LinkKind } from '../model/kinds/index.js';
import type { Design } from '../model/schema.js';
import { indexOf } from './cached-index.js';

export type { LinkKind } from '../model/kinds/index.js';

export interface Link {
  readonly id: string;
  readonly kind: LinkKind;
  /** The element the membership starts from (member, parent, the NIC's VM, the cable's host port). */
  readonly source: string;
  /** The element it belongs to or is cabled to. */
  readonly target: string;
  /** Device holding both ends (host or switch); absent for cables. */
  readonly device?: string;
}

/** Id of a membership link: `<prefix>:<holder>:<member>`, or `<prefix>:<holder>` for a single reference. */
export function membershipId(prefix: string, holder: string, member?: string): string {
  return member === undefined ? `${prefix}:${holder}` : `${prefix}:${holder}:${member}`;
}

/** Every link of the design, in document order. */
export function listLinks(design: Design): Link[] {
  const links: Link[] = [];
  for (const located of indexOf(design).all) {
    const kind = kindEntry(located.kind);
    const element = located.element as unknown as Record<string, unknown>;
    const device = deviceOf(located)?.element.id;
    const at = device === undefined ? {} : { device };
    for (const reference of kind.references ?? []) {
      const link = reference.link;
      const value = element[reference.field];
      if (!link || value === undefined) continue;
      if (Array.isArray(value)) {
        for (const m of value as string[])
          links.push({
            id: membershipId(link.prefix, located.element.id, m),
            kind: link.kind as LinkKind,
            source: m,
            target: located.element.id,
            ...at,
          });
      } else {
        links.push({
          id: membershipId(link.prefix, located.element.id),
          kind: link.kind as LinkKind,
          source: value as string,
          target: located.element.id,
          ...at,
        });
      }
    }
    if (kind.link) {
      const owner = (located as unknown as Record<string, { id: string }>)[kind.owner];
      const source = kind.link.source === 'owner' ? owner!.id : (element[kind.link.source] as string);
      links.push({
        id: located.element.id,
        kind: kind.link.kind as LinkKind,
        source,
        target: element[kind.link.target] as string,
        ...at,
      });
    }
  }
  return links;
}
