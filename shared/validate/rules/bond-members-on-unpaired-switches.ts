import { topologyOf } from '../../derive/topology.js';
import { switchPortsOfUplink } from '../../derive/uplink-vlans.js';
import type { Switch } from '../../model/schema.js';
import { defineRule, nameOf } from '../define-rule.js';

const AGGREGATING: ReadonlySet<string> = new Set(['802.3ad', 'balance-rr', 'balance-xor', 'broadcast']);

const paired = (a: Switch, b: Switch) => a.mlagPeer === b.id || b.mlagPeer === a.id;

/** A LAG may span the units of one stack, or an MLAG pair, and nothing else. */
export const bondMembersOnUnpairedSwitches = defineRule({
  id: 'bond/members-on-unpaired-switches',
  severity: 'error',
  summary:
    'An aggregating bond (802.3ad, balance-rr/xor, broadcast) is cabled to different switches that are neither one stack nor an MLAG pair.',
  check(index, report) {
    const topology = topologyOf(index);
    for (const bond of index.ofKind('bond')) {
      if (!AGGREGATING.has(bond.element.mode)) continue;
      const switches = [
        ...new Map(switchPortsOfUplink(topology, bond).map((sp) => [sp.switch.id, sp.switch])).values(),
      ];
      const unpaired = switches.some((a, i) => switches.slice(i + 1).some((b) => !paired(a, b)));
      if (unpaired) {
        report(
          [bond.element.id, ...switches.map((s) => s.id)],
          `${nameOf(bond)} (${bond.element.mode}) is cabled to ${switches.map((s) => s.name).join(' and ')}, which are neither one stack nor an MLAG pair: one LAG cannot span them; cable every member to one switch (or stack), or set the switches as MLAG peers`,
        );
      }
    }
  },
});
