import type { Design, SwitchVendor } from '../model/schema.js';
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

export type { GeneratedFile, Target, TargetId } from './target.js';

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
