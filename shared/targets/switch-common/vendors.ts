/**
 * What the switch vendors differ in, as data: port name abbreviations, the
 * meaning of `mtu`, and the limits of names and descriptions. Formatting
 * lives in each target; facts that rules and readers also need live here.
 */
import type { SwitchVendor } from '../../model/schema.js';

export interface VendorFacts {
  readonly label: string;
  /** Long port type (as the model names ports) -> the abbreviation the vendor's CLI also accepts. */
  readonly portTypes: readonly (readonly [long: string, short: string])[];
  /** Bytes `mtu N` counts beyond the IP payload (Dell OS6 counts the whole frame). */
  readonly mtuOverhead: number;
  /** The `mtu` an interface has when none is configured. */
  readonly defaultMtu: number;
  readonly maxDescription: number;
  readonly maxVlanName: number;
  /** Whether a VLAN name may contain spaces (written quoted). */
  readonly vlanNameSpaces: boolean;
  /** The range `mtu N` accepts on an interface. */
  readonly mtuRange: readonly [min: number, max: number];
  /** VLANs the switch keeps for itself and refuses to create or name. */
  readonly reservedVlans: readonly number[];
}

export const VENDORS: Record<SwitchVendor, VendorFacts> = {
  'dell-os6': {
    label: 'Dell EMC OS6',
    portTypes: [
      ['Gigabitethernet', 'Gi'],
      ['Tengigabitethernet', 'Te'],
      ['Twentyfivegigabitethernet', 'Tw'],
      ['Fortygigabitethernet', 'Fo'],
      ['Hundredgigabitethernet', 'Hu'],
    ],
    mtuOverhead: 18,
    defaultMtu: 1518,
    maxDescription: 64,
    maxVlanName: 32,
    vlanNameSpaces: true,
    mtuRange: [1298, 9216],
    reservedVlans: [],
  },
  'cisco-ios': {
    label: 'Cisco IOS',
    portTypes: [
      ['FastEthernet', 'Fa'],
      ['GigabitEthernet', 'Gi'],
      ['TwoGigabitEthernet', 'Tw'],
      ['FiveGigabitEthernet', 'Fi'],
      ['TenGigabitEthernet', 'Te'],
      ['TwentyFiveGigE', 'Twe'],
      ['FortyGigabitEthernet', 'Fo'],
      ['HundredGigE', 'Hu'],
    ],
    mtuOverhead: 0,
    defaultMtu: 1500,
    maxDescription: 200,
    maxVlanName: 32,
    vlanNameSpaces: false,
    mtuRange: [1500, 9198],
    reservedVlans: [1002, 1003, 1004, 1005],
  },
};

/** The largest IP packet a switch interface forwards, given its configured `mtu`. */
export function switchPayloadMtu(vendor: SwitchVendor, mtu: number | undefined): number {
  const facts = VENDORS[vendor];
  return (mtu ?? facts.defaultMtu) - facts.mtuOverhead;
}

/** `Tengigabitethernet1/0/17` -> `Te1/0/17` (the form Dell OS6 running-configs print). */
export function shortPortName(vendor: SwitchVendor, name: string): string {
  for (const [long, short] of VENDORS[vendor].portTypes) {
    if (name.startsWith(long)) return short + name.slice(long.length);
  }
  return name;
}

/**
 * Any spelling a running-config or a person uses (`Te1/0/17`,
 * `tengigabitethernet 1/0/17`, `TenGig1/0/1`) -> the model's long name, or
 * `undefined` when the type is not a known port type of the vendor.
 */
export function canonicalPortName(vendor: SwitchVendor, text: string): string | undefined {
  const m = /^([A-Za-z-]+)\s*(\d+(?:\/\d+)*)$/.exec(text.trim());
  if (!m) return undefined;
  const typed = m[1]!.toLowerCase();
  // The longest abbreviation that prefixes the typed type wins (Tw vs Twe on IOS).
  const candidates = VENDORS[vendor].portTypes
    .filter(([long, short]) => long.toLowerCase().startsWith(typed) && typed.startsWith(short.toLowerCase()))
    .sort((a, b) => b[1].length - a[1].length);
  const exact = VENDORS[vendor].portTypes.find(([long]) => long.toLowerCase() === typed);
  const found = exact ?? candidates[0];
  return found ? `${found[0]}${m[2]}` : undefined;
}
