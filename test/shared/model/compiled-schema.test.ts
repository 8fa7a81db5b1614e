import { describe, expect, it } from 'vitest';
import { COMPILE_FROM_CHARS, Design, designParser } from '../../../shared/model/schema.js';
import { exampleJson } from '../../helpers/design.js';

/** The example as stored, then shortened the ways older or hand-written files are: defaults left out, verbatim text in one string. */
function variants(): Record<string, unknown>[] {
  const stored = exampleJson();
  const sparse = exampleJson();
  const host = (sparse.hosts as Record<string, any>[])[0]!;
  delete host.vlans;
  delete host.platform;
  for (const port of host.ports) delete port.autostart;
  host.ports[0].extraLines = ['post-up ethtool -K enp88s0 \\', '  tso off'];
  host.unmanaged = ['auto vxlan1\niface vxlan1 inet manual\n  vxlan-id 10'];
  delete sparse.layout;
  return [stored, sparse];
}

/** Ways a file is wrong: an unknown field, a bad interface name, an address, a type, a missing field. */
const BREAKAGES: readonly ((doc: Record<string, any>) => void)[] = [
  (doc) => (doc.hosts[0].ports[0].colour = 'red'),
  (doc) => (doc.hosts[0].bonds[0].name = 'bond 0'),
  (doc) => (doc.hosts[0].bridges[0].inet = { method: 'static', addresses: ['10.2.300.1/24'] }),
  (doc) => (doc.switches[0].stackUnits = '2'),
  (doc) => delete doc.hosts[0].vms[0].nics[0].bridge,
  (doc) => (doc.networks[0].name = ''),
];

describe("the schema's compiled parser", () => {
  it('is used once a design of a few MiB is met, and not for small ones before that', () => {
    expect(designParser(COMPILE_FROM_CHARS - 1)).toBe(Design);
    const compiled = designParser(COMPILE_FROM_CHARS);
    expect(compiled).not.toBe(Design);
    // Compiled once, it serves every size.
    expect(designParser(0)).toBe(compiled);
  });

  it('gives the design the runtime parser gives, key order included', () => {
    const compiled = designParser(COMPILE_FROM_CHARS);
    for (const doc of variants()) {
      const runtime = Design.safeParse(doc);
      const fast = compiled.safeParse(doc);
      expect(runtime.success).toBe(true);
      expect(JSON.stringify(fast.data)).toBe(JSON.stringify(runtime.data));
    }
  });

  it('refuses what the runtime parser refuses, with the same problems at the same paths', () => {
    const compiled = designParser(COMPILE_FROM_CHARS);
    for (const breakage of BREAKAGES) {
      const doc = exampleJson();
      breakage(doc);
      const runtime = Design.safeParse(doc, { reportInput: true });
      const fast = compiled.safeParse(doc, { reportInput: true });
      expect(runtime.success).toBe(false);
      expect(fast.error?.issues).toEqual(runtime.error?.issues);
    }
  });
});
