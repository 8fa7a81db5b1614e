import { firstWord } from '../../model/verbatim.js';
import { hostInterfaces } from '../../model/kinds/index.js';
import { defineRule, nameOf } from '../define-rule.js';

/** The interface names an unmanaged block gives stanzas to (`iface NAME ...`). */
const definedNames = (block: readonly string[]): string[] =>
  block.flatMap((line) => (firstWord(line) === 'iface' ? (line.trim().split(/\s+/)[1] ?? []) : []));

/**
 * ifupdown2 merges every `iface` stanza of one name into one interface, so an
 * unmanaged block that defines a modelled interface's name changes that
 * interface behind the design's back (an address, a bridge port, a command).
 */
export const hostUnmanagedRedefinesInterface = defineRule({
  id: 'host/unmanaged-redefines-interface',
  severity: 'error',
  summary:
    'An unmanaged block defines an interface (iface NAME) with the name of an interface the design models; ifupdown2 would merge the two stanzas.',
  check(index, report) {
    for (const host of index.ofKind('host')) {
      // Most blocks define no interface: the host's names are listed only for one that does.
      let modelled: ReadonlyMap<string, string> | undefined;
      host.element.unmanaged.forEach((block, b) => {
        for (const name of new Set(definedNames(block))) {
          modelled ??= new Map(hostInterfaces(host.element).map((i) => [i.name, i.id]));
          const id = modelled.get(name);
          const located = id === undefined ? undefined : index.byId.get(id);
          if (!located) continue;
          report(
            [located.element.id, host.element.id],
            `unmanaged block ${b + 1} of host ${host.element.name} defines iface ${name}, which is ${nameOf(located)}: ifupdown2 merges the two stanzas, so the block changes an interface the design models; rename one or move the lines into the interface`,
          );
        }
      });
    }
  },
});
