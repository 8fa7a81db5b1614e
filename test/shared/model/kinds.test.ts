import { describe, expect, it } from 'vitest';
import { indexDesign } from '../../../shared/model/index-of.js';
import {
  elementName,
  elementPhrase,
  elementTitle,
  hostInterfaces,
  KIND_ENTRIES,
  kindsOwnedBy,
} from '../../../shared/model/kinds/index.js';
import { exampleDesign } from '../../helpers/design.js';

describe('kind registry', () => {
  const ids = new Set<string>(KIND_ENTRIES.map((k) => k.id));

  it('points only at registered kinds, and every owner holds its kinds in a list of its own', () => {
    expect(ids.size).toBe(KIND_ENTRIES.length);
    for (const kind of KIND_ENTRIES) {
      expect(kind.owner === 'design' || ids.has(kind.owner), `${kind.id} owner`).toBe(true);
      for (const ref of kind.references ?? [])
        for (const to of ref.to) expect(ids.has(to), `${kind.id}.${ref.field} -> ${to}`).toBe(true);
    }
    for (const owner of ['design', ...ids] as const) {
      const collections = kindsOwnedBy(owner as never).map((k) => k.collection);
      expect(new Set(collections).size, owner).toBe(collections.length);
    }
  });

  it('gives link kinds and link id prefixes once each', () => {
    const links = KIND_ENTRIES.flatMap((k) => [
      ...(k.references ?? []).flatMap((r) => (r.link ? [r.link.kind] : [])),
      ...(k.link ? [k.link.kind] : []),
    ]);
    const prefixes = KIND_ENTRIES.flatMap((k) => (k.references ?? []).flatMap((r) => (r.link ? [r.link.prefix] : [])));
    expect(new Set(links).size).toBe(links.length);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('names elements the way rules and the inspector say them', () => {
    const index = indexDesign(exampleDesign());
    const name = (id: string) => elementName(index.byId.get(id)!);
    expect(name('ms01-bond0')).toBe('bond bond0 on ms01');
    expect(name('n4032-po8')).toBe('port-channel 8 on n4032');
    expect(name('n4032-te1-0-17')).toBe('port Tengigabitethernet1/0/17 on n4032');
    expect(name('vm-100-net0')).toBe('VM web01 net0');
    expect(name('ms01')).toBe('host ms01');
    expect(elementPhrase(index.byId.get('ms01-bond0')!)).toBe('bond bond0');
    expect(elementTitle(index.byId.get('n4032-po8')!)).toBe('Po8');
    expect(elementTitle(index.byId.get('vm-100-net0')!)).toBe('net0');
  });

  it('lists a host’s interfaces as ports, bonds, bridges, VLAN interfaces', () => {
    const host = exampleDesign().hosts[0]!;
    expect(hostInterfaces(host).map((i) => i.id)).toEqual(
      [...host.ports, ...host.bonds, ...host.bridges, ...host.vlans].map((i) => i.id),
    );
  });
});
