/**
 * Attribute lines read from a kind's attribute table: every attribute with an
 * `ifupdown2` key is written as `key value`, in table order. Only the value
 * formatting is ifupdown2's own; the key names live in shared/model/kinds.ts.
 */
import type { Attribute, AttributeTable } from '../../model/attributes.js';
import { formatVlanSet, parseVlanSet } from '../../model/vlan-set.js';

/** Booleans ifupdown2 (as Proxmox VE writes it) spells `on`/`off` and always states. */
const ON_OFF_KEYS: ReadonlySet<string> = new Set(['bridge-stp']);

function formatValue(key: string, attribute: Attribute, value: unknown): string | undefined {
  switch (attribute.type) {
    case 'bool':
      if (ON_OFF_KEYS.has(key)) return value ? 'on' : 'off';
      // Other booleans are written only when they differ from the default (Proxmox omits `bridge-vlan-aware no`).
      return value === (attribute.default ?? false) ? undefined : value ? 'yes' : 'no';
    case 'vlan-list':
      return formatVlanSet(parseVlanSet(String(value)), ' ');
    default:
      return String(value);
  }
}

export function attributeLines(table: AttributeTable, element: Readonly<Record<string, unknown>>): string[] {
  const lines: string[] = [];
  for (const [name, attribute] of Object.entries(table)) {
    const key = attribute.keys?.ifupdown2;
    const value = element[name];
    if (key === undefined || value === undefined) continue;
    const text = formatValue(key, attribute, value);
    if (text !== undefined) lines.push(`${key} ${text}`);
  }
  return lines;
}
