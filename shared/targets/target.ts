/**
 * A target turns a design and one device into files. One folder per target
 * under shared/targets/; inside it one renderer per element kind, ordered so
 * that dependencies come first. Same design, same bytes.
 */
import type { KindsOwnedBy } from '../model/kinds/index.js';
import type { Design, SwitchVendor } from '../model/schema.js';

/** Host targets by name; each switch vendor is a target of its own. */
export type TargetId =
  'ifupdown2' | 'proxmox-vm' | 'pve-firewall' | 'libvirt' | 'vmware-workstation' | 'esxcli' | 'powercli' | SwitchVendor;

/** Kinds of the elements a host holds. */
export type HostKind = KindsOwnedBy<'host'>;

/** One generated file; `path` is relative to the device's export folder, e.g. `etc/network/interfaces`. */
export interface GeneratedFile {
  readonly target: TargetId;
  readonly path: string;
  readonly content: string;
  /** Which element each line came from (0-based line -> element id), for linking preview lines to the canvas. */
  readonly lineElements?: readonly (string | undefined)[];
}

export interface Target {
  readonly id: TargetId;
  readonly label: string;
  /**
   * Host element kinds that only hosts with this target have (an ESXi vSwitch, written by esxcli): a host
   * platform has such a kind when one of its targets lists it. Kinds no target lists are on every platform.
   */
  readonly hostKinds?: readonly HostKind[];
  /** Whether this target has something to write for the device (a host's platform first names the targets it may use). */
  appliesTo(design: Design, deviceId: string): boolean;
  render(design: Design, deviceId: string): GeneratedFile[];
}
