/**
 * The `switchport` commands Dell OS6 and Cisco IOS share, built once; each
 * vendor decides their order and which defaults it prints.
 */
import type { Switchport } from '../../model/schema.js';
import { formatVlanSet, parseVlanSet, type VlanRange } from '../../model/vlan-set.js';
import { DEFAULT_VLAN } from '../../derive/switch-side.js';

export interface SwitchportLines {
  readonly mode?: string;
  readonly access?: string;
  readonly native?: string;
  /** One line, or (when wrapped) a first line and `add` lines. */
  readonly allowed: readonly string[];
}

export interface SwitchportStyle {
  /** Print settings that equal the vendor default too (a snippet must reset what it manages). */
  readonly explicit: boolean;
  /** Print the access mode even when not explicit (IOS defaults to dynamic, not access). */
  readonly accessModeAlways: boolean;
  /** Wrap long allowed lists into `add` lines of at most this many characters of VLANs, as IOS prints them. */
  readonly wrapAllowedAt?: number;
}

function chunkRanges(ranges: readonly VlanRange[], width: number | undefined): string[] {
  if (width === undefined) return [formatVlanSet(ranges)];
  const chunks: string[] = [];
  let current = '';
  for (const part of formatVlanSet(ranges).split(',')) {
    if (current !== '' && current.length + 1 + part.length > width) {
      chunks.push(current);
      current = part;
    } else {
      current = current === '' ? part : `${current},${part}`;
    }
  }
  chunks.push(current);
  return chunks;
}

export function switchportLines(switchport: Switchport | undefined, style: SwitchportStyle): SwitchportLines {
  if (switchport === undefined) return { allowed: [] };
  if (switchport.mode === 'access') {
    return {
      mode: style.explicit || style.accessModeAlways ? 'switchport mode access' : undefined,
      access:
        style.explicit || switchport.vlan !== DEFAULT_VLAN ? `switchport access vlan ${switchport.vlan}` : undefined,
      allowed: [],
    };
  }
  const native = switchport.native ?? (style.explicit ? DEFAULT_VLAN : undefined);
  const allowed =
    switchport.allowed === 'all'
      ? style.explicit
        ? ['switchport trunk allowed vlan all']
        : []
      : chunkRanges(parseVlanSet(switchport.allowed), style.wrapAllowedAt).map((chunk, i) =>
          i === 0 ? `switchport trunk allowed vlan ${chunk}` : `switchport trunk allowed vlan add ${chunk}`,
        );
  return {
    mode: 'switchport mode trunk',
    native: native === undefined ? undefined : `switchport trunk native vlan ${native}`,
    allowed,
  };
}
