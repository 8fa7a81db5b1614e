/**
 * What the Deploy panel's Apply button says: the devices it applies to, by
 * kind ("Apply to 2 hosts and 1 switch"), or, with none ready, that there is
 * nothing to apply and why.
 */
import type { Preparation } from '../../../shared/deploy/outcome.js';
import type { Design } from '../../../shared/model/schema.js';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "3 hosts", "1 switch", "2 hosts and 1 switch", or "nothing": the devices of these names (switches by the design's switch names). */
export function devicesNamed(names: readonly string[], design: Design | null): string {
  const switches = names.filter((n) => design?.switches.some((s) => s.name === n)).length;
  const hosts = names.length - switches;
  const parts = [
    ...(hosts > 0 ? [count(hosts, 'host', 'hosts')] : []),
    ...(switches > 0 ? [count(switches, 'switch', 'switches')] : []),
  ];
  return parts.length > 0 ? parts.join(' and ') : 'nothing';
}

export type ApplyButton =
  | { readonly enabled: true; readonly label: string }
  | { readonly enabled: false; readonly label: string; readonly reason: string };

/** The Apply button for these preparations (the skipped devices were never prepared). */
export function applyButton(preparations: readonly Preparation[], design: Design | null): ApplyButton {
  const ready = preparations.filter((p) => p.state === 'ready').map((p) => p.host);
  if (ready.length > 0) return { enabled: true, label: `Apply to ${devicesNamed(ready, design)}` };
  const label = 'Nothing to apply';
  if (preparations.length === 0) return { enabled: false, label, reason: 'No host or switch was prepared.' };
  if (preparations.every((p) => p.state === 'unchanged'))
    return { enabled: false, label, reason: 'Every device is already as designed.' };
  return { enabled: false, label, reason: 'No device is ready: each card says why.' };
}
