/**
 * What a switch vendor is to Netloom, as data: how it names ports, what its
 * `mtu` means and accepts, which VLANs it keeps, the limits of its names and
 * descriptions, its LACP keywords and how its running-config is laid out.
 * One file per vendor beside this one; rules, derive, the switch targets, the
 * switch-config reader and the renderer read these facts and nothing else.
 */
import type { LacpMode } from '../model/kinds/index.js';

export interface PortType {
  /** The long type as the design stores it: `Tengigabitethernet`. */
  readonly long: string;
  /** The abbreviation the vendor's CLI prints and accepts: `Te`. */
  readonly short: string;
}

export interface Vendor {
  readonly label: string;
  /** Port types; a name is a type followed by the vendor's numbers (`Te` + `1/0/17`). */
  readonly portTypes: readonly PortType[];
  /** The numbers after the type, as the vendor counts units, slots and ports. */
  readonly portNumbers: RegExp;
  /** The expected form of a port name, for messages. */
  readonly portExample: string;
  /** A new port is named this plus the next free number: `Tengigabitethernet1/0/`. */
  readonly newPortStem: string;
  /** Bytes `mtu N` counts beyond the IP payload (Dell OS6 counts the whole frame). */
  readonly mtuOverhead: number;
  /** The `mtu` an interface has when none is configured. */
  readonly defaultMtu: number;
  /** The range `mtu N` accepts on an interface. */
  readonly mtuRange: readonly [min: number, max: number];
  /** VLANs the switch keeps for itself and refuses to create or name. */
  readonly reservedVlans: readonly number[];
  readonly maxDescription: number;
  readonly maxVlanName: number;
  /** Whether a VLAN name may contain spaces (written quoted). */
  readonly vlanNameSpaces: boolean;
  /** The word after `channel-group N mode` for each LACP mode of the design. */
  readonly lacpKeywords: Readonly<Record<LacpMode, string>>;
  /** Whether a block (`interface`, `vlan`) of the running-config ends at the first unindented line, not only at `exit`. */
  readonly blocksEndAtUnindented: boolean;
  /** What an interface without `switchport mode` is; `undefined` when the vendor's default is none Netloom models (IOS: dynamic). */
  readonly defaultSwitchportMode: 'access' | undefined;
  /** A description or VLAN name as the CLI takes it: OS6 wants double quotes (`description "pve1 bond0"`), IOS the bare text. */
  readonly text: (value: string) => string;
}
