/**
 * Where the firewall panel is: closed, or open on one level with perhaps a
 * rule or IP set to show (a problem clicked, a shield badge). View state
 * only; the firewall itself is in the design and edited through the store.
 */
import { create } from 'zustand';
import type { FirewallPlace } from '../../../shared/edit/firewall.js';

export interface FirewallView {
  readonly place: FirewallPlace | null;
  /** Counts openings, so the panel scrolls to the highlighted rule each time. */
  readonly seq: number;
}

export const useFirewallView = create<FirewallView>()(() => ({ place: null, seq: 0 }));

export function openFirewall(place: FirewallPlace = { level: { kind: 'datacenter' } }): void {
  useFirewallView.setState((s) => ({ place, seq: s.seq + 1 }));
}

export function closeFirewall(): void {
  useFirewallView.setState({ place: null });
}
