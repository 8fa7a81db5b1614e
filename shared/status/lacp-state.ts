/**
 * The LACP port state byte (IEEE 802.1AX actor/partner state), as the kernel
 * prints it in `/proc/net/bonding/<bond>` (`port state: 63`) and as iproute2
 * reports it (`ad_actor_oper_port_state`). Bit names are iproute2's, in bit
 * order; labels are what a person reads in the inspector.
 */

export const LACP_STATE_BITS = [
  'active',
  'short_timeout',
  'aggregating',
  'in_sync',
  'collecting',
  'distributing',
  'defaulted',
  'expired',
] as const;
export type LacpStateBit = (typeof LACP_STATE_BITS)[number];

const LABELS: Readonly<Record<LacpStateBit, string>> = {
  active: 'active',
  short_timeout: 'short timeout',
  aggregating: 'aggregating',
  in_sync: 'in sync',
  collecting: 'collecting',
  distributing: 'distributing',
  defaulted: 'defaulted',
  expired: 'expired',
};

/** A decoded state byte: the raw value and one flag per bit. */
export interface LacpState {
  readonly value: number;
  readonly bits: Readonly<Record<LacpStateBit, boolean>>;
}

/** Decodes a state byte; `undefined` for anything that is not an integer 0-255. */
export function decodeLacpState(value: number): LacpState | undefined {
  if (!Number.isInteger(value) || value < 0 || value > 255) return undefined;
  const bits = Object.fromEntries(LACP_STATE_BITS.map((bit, i) => [bit, (value & (1 << i)) !== 0])) as Record<
    LacpStateBit,
    boolean
  >;
  return { value, bits };
}

/** The bits that are set, in bit order. */
export function setLacpBits(state: LacpState): LacpStateBit[] {
  return LACP_STATE_BITS.filter((bit) => state.bits[bit]);
}

/** `63: active, short timeout, aggregating, in sync, collecting, distributing`. */
export function describeLacpState(state: LacpState): string {
  const set = setLacpBits(state).map((bit) => LABELS[bit]);
  return `${state.value}: ${set.length > 0 ? set.join(', ') : 'no bits set'}`;
}

/** A member carries traffic only when it is in sync, collecting and distributing. */
export const LACP_FORWARDING_BITS = [
  'in_sync',
  'collecting',
  'distributing',
] as const satisfies readonly LacpStateBit[];

/** Which forwarding bits are missing, as labels; empty when the port forwards. */
export function missingForwardingBits(state: LacpState): string[] {
  return LACP_FORWARDING_BITS.filter((bit) => !state.bits[bit]).map((bit) => LABELS[bit]);
}
