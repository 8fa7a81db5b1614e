/**
 * A host platform: what a host of this kind is exported as, deployed with
 * and read by. The ids name entries of registries above this layer (targets
 * in `shared/targets/`, deploy drivers in `electron/engine/deploy/drivers/`,
 * status readers in `electron/engine/status/readers.ts`); each of those is a
 * `Record` keyed by the ids the platforms use, so a platform naming an id
 * that has no entry does not compile.
 */
import type { PlatformId } from '../model/schema.js';

export interface Platform {
  readonly id: PlatformId;
  /** As people name it: `Proxmox VE`. */
  readonly label: string;
  /** Targets that write files for a host of this platform, in the order its files are listed. */
  readonly targets: readonly string[];
  /**
   * The deploy driver that applies the host's configuration; absent on an
   * export-only platform (ESXi: its scripts are for a person to review and
   * run), whose hosts deploy and live status leave out with that reason.
   */
  readonly driver?: string;
  /** How live status is read from the host; absent on an export-only platform. */
  readonly statusReader?: string;
  /**
   * Whether the host's ifupdown2 honours more than one VLAN-aware bridge
   * (`multiple_vlan_aware_bridge_support` in /etc/network/ifupdown2/ifupdown2.conf).
   */
  readonly multipleVlanAwareBridges: boolean;
}
