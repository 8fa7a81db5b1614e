/**
 * The stanzas of one interface, as Proxmox VE writes them: a comment naming
 * the Netloom element, the `auto` / `allow-hotplug` line, `iface NAME inet
 * ...` with addresses and gateway, then the kind's own lines and the
 * element's verbatim extra lines; an `inet6` stanza follows when configured.
 */
import type { HostInterface, Inet, Inet6 } from '../../model/schema.js';
import { continues } from '../../model/verbatim.js';
import type { ConfigText } from '../switch-common/config-text.js';

export const INDENT = '\t';

export interface InterfaceStanzas {
  readonly element: HostInterface;
  /** What the comment calls the element when it has no comment of its own, e.g. `bond bond0`. */
  readonly label: string;
  /** Lines owned by the kind (members, bridge and bond attributes), written in the first stanza. */
  readonly kindLines: readonly string[];
}

function familyLines(config: Inet | Inet6): string[] {
  if (config.method !== 'static') return [];
  const lines = config.addresses.map((a) => `address ${a}`);
  if (config.gateway !== undefined) lines.push(`gateway ${config.gateway}`);
  return lines;
}

const autostartLine: Record<HostInterface['autostart'], ((name: string) => string) | undefined> = {
  auto: (name) => `auto ${name}`,
  hotplug: (name) => `allow-hotplug ${name}`,
  off: undefined,
};

export function writeInterface(out: ConfigText, stanzas: InterfaceStanzas): void {
  const { element } = stanzas;
  const own = (text: string) => out.line(text, element.id);
  const body = [...stanzas.kindLines, ...(element.extraLines ?? [])];
  const families: { family: 'inet' | 'inet6'; method: string; lines: string[] }[] = [];
  // An interface with only IPv6 gets no empty `inet manual` stanza in front of it.
  if (element.inet !== undefined || element.inet6 === undefined) {
    families.push({
      family: 'inet',
      method: element.inet?.method ?? 'manual',
      lines: element.inet ? familyLines(element.inet) : [],
    });
  }
  if (element.inet6 !== undefined) {
    families.push({ family: 'inet6', method: element.inet6.method, lines: familyLines(element.inet6) });
  }

  own(`# ${element.comment ?? stanzas.label}`);
  const auto = autostartLine[element.autostart];
  if (auto) own(auto(element.name));
  families.forEach(({ family, method, lines }, i) => {
    if (i > 0) out.line('');
    own(`iface ${element.name} ${family} ${method}`);
    // A line that continues one ending in `\` is written as it was, not indented again.
    (i === 0 ? [...lines, ...body] : lines).forEach((line, j, all) =>
      own(j > 0 && continues(all[j - 1]!) ? line : `${INDENT}${line}`),
    );
  });
  out.line('');
}
