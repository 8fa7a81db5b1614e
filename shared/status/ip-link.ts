/**
 * Parser for `ip -j -d link show` (iproute2's JSON): per interface its flags,
 * operational state, MTU and master, and for bonds and bond slaves the
 * `linkinfo.info_data` / `linkinfo.info_slave_data` keys listed in the
 * corpus' iplink/IP-LINK-JSON-KEYS.md. Unknown keys are ignored; a known key
 * of the wrong type is an error with its JSON path.
 */
import { z } from 'zod';
import { formatPath, type PathSegment } from '../model/paths.js';
import { decodeLacpState, type LacpState } from './lacp-state.js';
import { quoteInput, type Parsed } from './parse-result.js';

export interface IpBondInfo {
  mode?: string;
  activeSlave?: string;
  miimon?: number;
  xmitHashPolicy?: string;
  minLinks?: number;
  lacpRate?: string;
  /** The active aggregator, when the reader may see it. */
  adInfo?: { aggregator?: number; numPorts?: number; actorKey?: number; partnerKey?: number; partnerMac?: string };
}

export interface IpBondSlaveInfo {
  /** `ACTIVE` or `BACKUP`. */
  state?: string;
  /** `UP`, `GOING_DOWN`, `DOWN`, `GOING_BACK`. */
  miiStatus?: string;
  linkFailureCount?: number;
  permHwaddr?: string;
  aggregatorId?: number;
  actorState?: LacpState;
  partnerState?: LacpState;
  /** `MONITOR`, `CHURN` or `NO_CHURN`. */
  actorChurn?: string;
  partnerChurn?: string;
}

export interface IpLink {
  name: string;
  flags: readonly string[];
  /** `UP`, `DOWN`, `LOWERLAYERDOWN`, `UNKNOWN`, ... */
  operstate?: string;
  mtu?: number;
  master?: string;
  address?: string;
  /** `linkinfo.info_kind`: `bond`, `bridge`, `veth`, `vlan`, ... */
  kind?: string;
  bond?: IpBondInfo;
  bondSlave?: IpBondSlaveInfo;
}

const uint = z.number().int().nonnegative();
const portStateByte = z.number().int().min(0).max(255);

const AdInfo = z.looseObject({
  aggregator: uint.optional(),
  num_ports: uint.optional(),
  actor_key: uint.optional(),
  partner_key: uint.optional(),
  partner_mac: z.string().optional(),
});

const BondData = z.looseObject({
  mode: z.string().optional(),
  active_slave: z.string().optional(),
  miimon: uint.optional(),
  xmit_hash_policy: z.string().optional(),
  min_links: uint.optional(),
  ad_lacp_rate: z.string().optional(),
  ad_info: AdInfo.optional(),
});

const BondSlaveData = z.looseObject({
  state: z.string().optional(),
  mii_status: z.string().optional(),
  link_failure_count: uint.optional(),
  perm_hwaddr: z.string().optional(),
  ad_aggregator_id: uint.optional(),
  ad_actor_oper_port_state: portStateByte.optional(),
  ad_partner_oper_port_state: portStateByte.optional(),
  churn_actor_state: z.union([z.string(), uint]).optional(),
  churn_partner_state: z.union([z.string(), uint]).optional(),
});

const Link = z.looseObject({
  ifname: z.string().min(1),
  flags: z.array(z.string()).default([]),
  operstate: z.string().optional(),
  mtu: uint.optional(),
  master: z.string().optional(),
  address: z.string().optional(),
  linkinfo: z
    .looseObject({
      info_kind: z.string().optional(),
      info_data: z.unknown().optional(),
      info_slave_kind: z.string().optional(),
      info_slave_data: z.unknown().optional(),
    })
    .optional(),
});

/** Parses JSON text, or says where it stops being JSON. */
export function parseJsonText(text: string): { ok: true; json: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (e) {
    return {
      ok: false,
      message: `not valid JSON (${(e as Error).message}); starts with ${quoteInput(text.trim(), 40)}`,
    };
  }
}

/** The first problem of a zod failure, with its JSON path. */
export function firstIssue(error: z.ZodError, prefix: readonly PathSegment[] = []): { path: string; message: string } {
  const issue = error.issues[0]!;
  return { path: formatPath([...prefix, ...(issue.path as PathSegment[])]), message: issue.message };
}

const churnText = (v: string | number | undefined) => (v === undefined ? undefined : String(v));

function readBond(data: unknown, at: PathSegment[]): IpBondInfo | { path: string; message: string } {
  const parsed = BondData.safeParse(data);
  if (!parsed.success) return firstIssue(parsed.error, at);
  const d = parsed.data;
  const ad = d.ad_info;
  return {
    mode: d.mode,
    activeSlave: d.active_slave,
    miimon: d.miimon,
    xmitHashPolicy: d.xmit_hash_policy,
    minLinks: d.min_links,
    lacpRate: d.ad_lacp_rate,
    adInfo: ad && {
      aggregator: ad.aggregator,
      numPorts: ad.num_ports,
      actorKey: ad.actor_key,
      partnerKey: ad.partner_key,
      partnerMac: ad.partner_mac?.toLowerCase(),
    },
  };
}

function readBondSlave(data: unknown, at: PathSegment[]): IpBondSlaveInfo | { path: string; message: string } {
  const parsed = BondSlaveData.safeParse(data);
  if (!parsed.success) return firstIssue(parsed.error, at);
  const d = parsed.data;
  const state = (v: number | undefined) => (v === undefined ? undefined : decodeLacpState(v));
  return {
    state: d.state,
    miiStatus: d.mii_status,
    linkFailureCount: d.link_failure_count,
    permHwaddr: d.perm_hwaddr,
    aggregatorId: d.ad_aggregator_id,
    actorState: state(d.ad_actor_oper_port_state),
    partnerState: state(d.ad_partner_oper_port_state),
    actorChurn: churnText(d.churn_actor_state),
    partnerChurn: churnText(d.churn_partner_state),
  };
}

const isProblem = (v: object): v is { path: string; message: string } => 'message' in v && 'path' in v;

/** Parses the output of `ip -j -d link show` into links by name. */
export function parseIpLink(text: string): Parsed<ReadonlyMap<string, IpLink>> {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, error: { message: json.message } };
  if (!Array.isArray(json.json))
    return { ok: false, error: { path: '(document)', message: 'expected a JSON array of links' } };
  const links = new Map<string, IpLink>();
  for (const [i, raw] of json.json.entries()) {
    const parsed = Link.safeParse(raw);
    if (!parsed.success) return { ok: false, error: firstIssue(parsed.error, [i]) };
    const l = parsed.data;
    const link: IpLink = {
      name: l.ifname,
      flags: l.flags,
      operstate: l.operstate,
      mtu: l.mtu,
      master: l.master,
      address: l.address?.toLowerCase(),
      kind: l.linkinfo?.info_kind,
    };
    if (l.linkinfo?.info_kind === 'bond' && l.linkinfo.info_data !== undefined) {
      const bond = readBond(l.linkinfo.info_data, [i, 'linkinfo', 'info_data']);
      if (isProblem(bond)) return { ok: false, error: bond };
      link.bond = bond;
    }
    if (l.linkinfo?.info_slave_kind === 'bond' && l.linkinfo.info_slave_data !== undefined) {
      const slave = readBondSlave(l.linkinfo.info_slave_data, [i, 'linkinfo', 'info_slave_data']);
      if (isProblem(slave)) return { ok: false, error: slave };
      link.bondSlave = slave;
    }
    links.set(link.name, link);
  }
  return { ok: true, value: links, warnings: [] };
}
