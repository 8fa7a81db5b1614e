import type { Design, SwitchVendor } from '../model/schema.js';
import { ciscoIos } from './cisco-ios/index.js';
import { dellOs6 } from './dell-os6/index.js';
import { ifupdown2Target } from './ifupdown2/index.js';
import { proxmoxVmTarget } from './proxmox-vm/index.js';
import type { GeneratedFile, Target } from './target.js';

export type { GeneratedFile, Target, TargetId } from './target.js';

/** One target per switch vendor: the compiler asks for one when a vendor is added. */
const SWITCH_TARGETS: Record<SwitchVendor, Target> = { 'dell-os6': dellOs6, 'cisco-ios': ciscoIos };

/** Every target, in the order their files are listed for a device. */
export const TARGETS: readonly Target[] = [ifupdown2Target, proxmoxVmTarget, ...Object.values(SWITCH_TARGETS)];

/** All files of one device (host or switch), from every target that applies to it. */
export function renderDevice(design: Design, deviceId: string): GeneratedFile[] {
  return TARGETS.filter((t) => t.appliesTo(design, deviceId)).flatMap((t) => t.render(design, deviceId));
}
