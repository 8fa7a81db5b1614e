import type { Design } from '../model/schema.js';
import { ciscoIos } from './cisco-ios/index.js';
import { dellOs6 } from './dell-os6/index.js';
import { ifupdown2Target } from './ifupdown2/index.js';
import { proxmoxVmTarget } from './proxmox-vm/index.js';
import { pveFirewallTarget } from './pve-firewall/index.js';
import type { GeneratedFile, Target } from './target.js';

export type { GeneratedFile, Target, TargetId } from './target.js';

/** Every target, in the order their files are listed for a device. */
export const TARGETS: readonly Target[] = [ifupdown2Target, proxmoxVmTarget, pveFirewallTarget, dellOs6, ciscoIos];

/** All files of one device (host or switch), from every target that applies to it. */
export function renderDevice(design: Design, deviceId: string): GeneratedFile[] {
  return TARGETS.filter((t) => t.appliesTo(design, deviceId)).flatMap((t) => t.render(design, deviceId));
}
