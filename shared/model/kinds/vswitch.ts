/**
 * An ESXi standard vSwitch such as vSwitch1: its uplinks (host ports) by
 * teaming role, in failover order, the load balancing of its NIC teaming,
 * its MTU and its security policy. Port groups sit on it.
 */
import type { AttributeTable } from '../attributes.js';
import type { Host, Vswitch } from '../schema.js';
import { defineKind } from './define.js';
import { VSWITCH_SECURITY } from './esxi-common.js';

/** How the team spreads VM traffic over the active uplinks (esxcli's names). */
export const LOAD_BALANCING = ['portid', 'mac', 'iphash', 'explicit'] as const;
export type LoadBalancing = (typeof LOAD_BALANCING)[number];

/** The three lists of uplinks, one per teaming role, in failover order within each. */
export const UPLINK_ROLES = { active: 'activeUplinks', standby: 'standbyUplinks', unused: 'unusedUplinks' } as const;
export type UplinkRole = keyof typeof UPLINK_ROLES;

export const vswitchAttributes = {
  mtu: {
    type: 'int',
    min: 1280,
    max: 9000,
    unit: 'bytes',
    default: 1500,
    label: 'MTU',
    help: 'MTU of the vSwitch and its uplinks (9000 for jumbo frames).',
    keys: { esxcli: 'mtu', powercli: 'Mtu' },
  },
  loadBalancing: {
    type: 'enum',
    values: LOAD_BALANCING,
    default: 'portid',
    label: 'Load balancing',
    help: 'portid: by originating virtual port; mac: by source MAC; iphash: by IP hash (needs a static port-channel); explicit: first active uplink only.',
    keys: { esxcli: 'load-balancing', powercli: 'LoadBalancingPolicy' },
  },
  ...VSWITCH_SECURITY,
} as const satisfies AttributeTable;

const ROLE_PHRASE: Record<UplinkRole, string> = {
  active: 'an active uplink',
  standby: 'a standby uplink',
  unused: 'an unused uplink',
};

/** Every uplink with its role: active ones first, then standby, then unused, each in failover order. */
export function uplinksOf(v: Vswitch): { readonly port: string; readonly role: UplinkRole }[] {
  return (Object.keys(UPLINK_ROLES) as UplinkRole[]).flatMap((role) =>
    v[UPLINK_ROLES[role]].map((port) => ({ port, role })),
  );
}

const uplinkLink = (role: UplinkRole, label: string) =>
  ({ kind: `vswitch-${role}-uplink`, prefix: `${role}-uplink`, label }) as const;

export const vswitch = defineKind<Vswitch, Host>()({
  id: 'vswitch',
  owner: 'host',
  collection: 'vswitches',
  label: 'vSwitch',
  title: (v) => v.name,
  references: [
    {
      field: 'activeUplinks',
      to: ['port'],
      sameDevice: true,
      onDelete: 'drop-ref',
      link: uplinkLink('active', 'Active uplink'),
    },
    {
      field: 'standbyUplinks',
      to: ['port'],
      sameDevice: true,
      onDelete: 'drop-ref',
      link: uplinkLink('standby', 'Standby uplink'),
    },
    {
      field: 'unusedUplinks',
      to: ['port'],
      sameDevice: true,
      onDelete: 'drop-ref',
      link: uplinkLink('unused', 'Unused uplink'),
    },
  ],
  attributes: vswitchAttributes,
  unique: [
    {
      field: 'name',
      group: 'vswitch',
      message: (name, host) => `vSwitch name "${name}" is used twice on host ${host}`,
    },
  ],
  check: (v, host, report) => {
    const portName = (id: string) => host.ports.find((p) => p.id === id)?.name ?? id;
    if (v.activeUplinks.length === 0 && v.standbyUplinks.length + v.unusedUplinks.length > 0)
      report('activeUplinks', `vSwitch ${v.name} has standby or unused uplinks but no active one`);
    const seen = new Map<string, string>();
    for (const earlier of host.vswitches.slice(0, host.vswitches.indexOf(v)))
      for (const uplink of uplinksOf(earlier)) seen.set(uplink.port, `an uplink of vSwitch ${earlier.name}`);
    for (const uplink of uplinksOf(v)) {
      const before = seen.get(uplink.port);
      if (before)
        report(
          UPLINK_ROLES[uplink.role],
          `port ${portName(uplink.port)} is ${before} already; a port is one uplink of one vSwitch`,
        );
      seen.set(uplink.port, `${ROLE_PHRASE[uplink.role]} of vSwitch ${v.name}`);
    }
  },
  create: ({ owner, nextNumbered }) => {
    const name = nextNumbered(
      'vSwitch',
      owner.vswitches.map((v) => v.name),
    );
    return { idBase: `${owner.id}-${name}`, fields: { name, activeUplinks: [] } };
  },
  canvas: { row: 2, size: { width: 196, height: 56 } },
  palette: { hint: 'An ESXi standard vSwitch such as vSwitch1; drag a port onto it for an uplink' },
  icon: 'M3 8h18v8H3zM7 8V5M12 8V5M17 8V5M7 16v3M17 16v3',
});
