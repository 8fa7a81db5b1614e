/**
 * What one status read of a switch says, in one shape for every vendor:
 * per port its link, per port-channel its link, whether it runs LACP and
 * each member's state (with the LACP partner where the vendor prints it).
 * Port names are in the model's canonical form, so they meet the design's.
 * `SWITCH_STATUS_READS` is the registry by vendor: the show commands one poll
 * types, and how their outputs become the observation.
 */
import type { SwitchVendor } from '../model/schema.js';
import { canonicalPortName } from '../vendors/index.js';
import { parseEtherchannelSummary, type EtherchannelMemberState } from './ios-etherchannel-summary.js';
import { parseLacpNeighbors } from './ios-lacp-neighbor.js';
import type { LacpState } from './lacp-state.js';
import { parseOs6InterfacesStatus, type SwitchLinkState } from './os6-interfaces-status.js';
import { parseOs6PortChannels } from './os6-port-channel.js';
import { formatProblem, type Parsed, type ParseProblem } from './parse-result.js';

/** IOS's member states, plus OS6's `inactive` (listed under `Inactive:`, no finer reason printed). */
export type ChannelMemberState = EtherchannelMemberState | 'inactive';

export interface SwitchPortObservation {
  readonly link: SwitchLinkState | 'detach';
  readonly speedMbps?: number | null;
  readonly duplex?: 'full' | 'half' | null;
}

export interface LacpPartnerObservation {
  /** The partner's system MAC, colon form. */
  readonly systemMac: string;
  readonly portNumber: number;
  readonly operKey: number;
  readonly state: LacpState;
}

export interface ChannelMemberObservation {
  /** Canonical port name. */
  readonly port: string;
  readonly state: ChannelMemberState;
  readonly partner?: LacpPartnerObservation;
}

export interface PortChannelObservation {
  readonly number: number;
  /** Absent when the vendor's reads do not print it. */
  readonly link?: SwitchLinkState;
  /** LACP (dynamic) or a static LAG; null when the switch does not say (IOS prints `-` without members). */
  readonly lacp: boolean | null;
  readonly members: readonly ChannelMemberObservation[];
}

export interface SwitchObservation {
  /** Every port's link by canonical name; undefined when the vendor's reads print no port table (IOS: members only). */
  readonly ports: ReadonlyMap<string, SwitchPortObservation> | undefined;
  readonly channels: ReadonlyMap<number, PortChannelObservation>;
}

export interface SwitchStatusRead {
  /** The show commands one poll types, in this order. */
  readonly commands: readonly string[];
  /** Their outputs, in the same order, as one observation; a parse failure names the command and line. */
  observe(outputs: readonly string[]): Parsed<SwitchObservation>;
}

const nameOf = (vendor: SwitchVendor, printed: string) => canonicalPortName(vendor, printed) ?? printed;

/** The parsed value, or the failure as one problem naming the command. */
function fromCommand<T>(command: string, result: Parsed<T>): { value: T; warnings: ParseProblem[] } | ParseProblem {
  if (!result.ok) return { message: formatProblem(command, result.error) };
  return { value: result.value, warnings: result.warnings.map((w) => ({ message: formatProblem(command, w) })) };
}

const isProblem = (x: object): x is ParseProblem => 'message' in x;

const OS6_COMMANDS = ['show interfaces status', 'show interfaces port-channel'] as const;

const dellOs6: SwitchStatusRead = {
  commands: OS6_COMMANDS,
  observe([statusText = '', channelText = '']) {
    const status = fromCommand(OS6_COMMANDS[0], parseOs6InterfacesStatus(statusText));
    if (isProblem(status)) return { ok: false, error: status };
    const channels = fromCommand(OS6_COMMANDS[1], parseOs6PortChannels(channelText));
    if (isProblem(channels)) return { ok: false, error: channels };
    const ports = new Map<string, SwitchPortObservation>(
      status.value.ports.map((p) => [
        nameOf('dell-os6', p.port),
        { link: p.link, speedMbps: p.speedMbps, duplex: p.duplex },
      ]),
    );
    const links = new Map(status.value.portChannels.map((pc) => [pc.portChannel, pc.link]));
    const byNumber = new Map<number, PortChannelObservation>();
    for (const pc of channels.value) {
      const link = links.get(pc.portChannel);
      byNumber.set(pc.portChannel, {
        number: pc.portChannel,
        ...(link !== undefined && { link }),
        lacp: pc.lacp,
        members: pc.members.map((m) => {
          const port = nameOf('dell-os6', m.port);
          const link = ports.get(port)?.link;
          const down = link === 'down' || link === 'detach';
          return { port, state: m.active ? 'bundled' : down ? 'down' : 'inactive' };
        }),
      });
    }
    return { ok: true, value: { ports, channels: byNumber }, warnings: [...status.warnings, ...channels.warnings] };
  },
};

const IOS_COMMANDS = ['show etherchannel summary', 'show lacp neighbor'] as const;

const ciscoIos: SwitchStatusRead = {
  commands: IOS_COMMANDS,
  observe([summaryText = '', neighborText = '']) {
    const summary = fromCommand(IOS_COMMANDS[0], parseEtherchannelSummary(summaryText));
    if (isProblem(summary)) return { ok: false, error: summary };
    const groups = summary.value.groups;
    // With no LACP channel the switch prints nothing under `show lacp neighbor` but the legend.
    const anyLacp = groups.some((g) => g.protocol === 'lacp');
    const neighbors = anyLacp ? fromCommand(IOS_COMMANDS[1], parseLacpNeighbors(neighborText)) : undefined;
    if (neighbors && isProblem(neighbors)) return { ok: false, error: neighbors };
    const partners = new Map(
      (neighbors?.value ?? []).map((n) => [
        nameOf('cisco-ios', n.port),
        { systemMac: n.systemMac, portNumber: n.portNumber, operKey: n.operKey, state: n.state },
      ]),
    );
    const channels = new Map<number, PortChannelObservation>();
    for (const g of groups) {
      channels.set(g.portChannel, {
        number: g.portChannel,
        link: g.inUse ? 'up' : 'down',
        lacp: g.protocol === 'lacp' ? true : g.members.length === 0 ? null : false,
        members: g.members.map((m) => {
          const port = nameOf('cisco-ios', m.port);
          const partner = partners.get(port);
          return { port, state: m.state, ...(partner && { partner }) };
        }),
      });
    }
    return {
      ok: true,
      value: { ports: undefined, channels },
      warnings: [...summary.warnings, ...(neighbors?.warnings ?? [])],
    };
  },
};

export const SWITCH_STATUS_READS: Readonly<Record<SwitchVendor, SwitchStatusRead>> = {
  'dell-os6': dellOs6,
  'cisco-ios': ciscoIos,
};
