/**
 * Open vSwitch as Proxmox VE writes it in `/etc/network/interfaces`: the
 * closed sets of values an OVS bond and port take, and the grammar of the one
 * `ovs_options` line ifupdown2 hands to `ovs-vsctl` (`bond_mode=balance-tcp
 * lacp=active other_config:lacp-time=fast`, `tag=50`): space-separated
 * `column=value` settings, each column written once.
 */

/** `bond_mode` of an OVS bond (ovs-vswitchd.conf.db(5), Port table). */
export const OVS_BOND_MODES = ['active-backup', 'balance-slb', 'balance-tcp'] as const;
export type OvsBondMode = (typeof OVS_BOND_MODES)[number];

/** `lacp` of an OVS bond: active and passive negotiate, off (the OVS default) does not. */
export const OVS_LACP_MODES = ['active', 'passive', 'off'] as const;
export type OvsLacpMode = (typeof OVS_LACP_MODES)[number];

/** `other_config:lacp-time`: LACPDUs every second (fast) or every 30 seconds (slow, the default). */
export const OVS_LACP_TIMES = ['slow', 'fast'] as const;

/** One `column=value` setting of an `ovs_options` line, in the order written. */
export interface OvsOption {
  readonly column: string;
  readonly value: string;
}

export class OvsOptionsSyntaxError extends Error {}

const SETTING = /^([A-Za-z_][A-Za-z0-9_-]*(?::[A-Za-z0-9_.-]+)?)=(\S+)$/;

/** Reads an `ovs_options` value; throws naming the setting it cannot read. */
export function parseOvsOptions(text: string): OvsOption[] {
  const options: OvsOption[] = [];
  for (const token of text.split(/\s+/).filter(Boolean)) {
    const m = SETTING.exec(token);
    if (!m) throw new OvsOptionsSyntaxError(`"${token}" is not a column=value setting`);
    const column = m[1]!;
    if (options.some((o) => o.column === column)) throw new OvsOptionsSyntaxError(`${column} is set twice`);
    options.push({ column, value: m[2]! });
  }
  return options;
}

export function formatOvsOptions(options: readonly OvsOption[]): string {
  return options.map((o) => `${o.column}=${o.value}`).join(' ');
}

/** For text attributes holding settings Netloom does not model, such as `vlan_mode=dot1q-tunnel`. */
export const OVS_OPTIONS_PATTERN = /^\S+=\S+( \S+=\S+)*$/;
