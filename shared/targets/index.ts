import type { ElementKind } from '../model/kinds/index.js';
import type { Design, PlatformId, SwitchVendor } from '../model/schema.js';
import { PLATFORM_REGISTRY, type PlatformTargetId } from '../platforms/index.js';
import { ciscoIos } from './cisco-ios/index.js';
import { dellOs6 } from './dell-os6/index.js';
import { esxcliTarget } from './esxi/esxcli.js';
import { powercliTarget } from './esxi/powercli.js';
import { ifupdown2Target } from './ifupdown2/index.js';
import { libvirtTarget } from './libvirt/index.js';
import { proxmoxVmTarget } from './proxmox-vm/index.js';
import { pveFirewallTarget } from './pve-firewall/index.js';
import { vmwareWorkstationTarget } from './vmware-workstation/index.js';
import type { GeneratedFile, Target, TargetId } from './target.js';

export type { GeneratedFile, HostKind, Target, TargetId } from './target.js';

/** One target per switch vendor: the compiler asks for one when a vendor is added. */
const SWITCH_TARGETS: Record<SwitchVendor, Target> = { 'dell-os6': dellOs6, 'cisco-ios': ciscoIos };

/** Every target by id; the platforms name the host targets by these ids. */
export const TARGET_BY_ID: Record<TargetId, Target> = {
  ifupdown2: ifupdown2Target,
  'proxmox-vm': proxmoxVmTarget,
  'pve-firewall': pveFirewallTarget,
  esxcli: esxcliTarget,
  powercli: powercliTarget,
  libvirt: libvirtTarget,
  'vmware-workstation': vmwareWorkstationTarget,
  ...SWITCH_TARGETS,
};

/** Every target, in the order their files are listed for a device. */
export const TARGETS: readonly Target[] = Object.values(TARGET_BY_ID);

/** Host kinds that some target keeps to the platforms that have it (`Target.hostKinds`). */
const KEPT_KINDS: ReadonlySet<ElementKind> = new Set(TARGETS.flatMap((t) => t.hostKinds ?? []));

/** Whether a host of platform `id` can hold elements of `kind`: one of its targets lists the kind, or no target keeps it to itself. */
export function platformHasKind(id: PlatformId, kind: ElementKind): boolean {
  if (!KEPT_KINDS.has(kind)) return true;
  const ids: readonly PlatformTargetId[] = PLATFORM_REGISTRY[id].targets;
  return ids.some((t) => {
    const kinds: readonly ElementKind[] = TARGET_BY_ID[t].hostKinds ?? [];
    return kinds.includes(kind);
  });
}

/** The targets that may write files for a device: those its host's platform names, or its switch's vendor target. */
function targetsOf(design: Design, deviceId: string): readonly Target[] {
  const host = design.hosts.find((h) => h.id === deviceId);
  if (host) {
    const ids: readonly PlatformTargetId[] = PLATFORM_REGISTRY[host.platform].targets;
    return ids.map((id) => TARGET_BY_ID[id]);
  }
  const sw = design.switches.find((s) => s.id === deviceId);
  return sw ? [SWITCH_TARGETS[sw.vendor]] : [];
}

/** All files of one device (host or switch), from every target that applies to it. */
export function renderDevice(design: Design, deviceId: string): GeneratedFile[] {
  return targetsOf(design, deviceId)
    .filter((t) => t.appliesTo(design, deviceId))
    .flatMap((t) => t.render(design, deviceId));
}
