/**
 * Every host platform, one entry each. A new platform is one file here and
 * one line below; the compiler then asks for its targets, deploy driver and
 * status reader in their registries.
 */
import type { PlatformId } from '../model/schema.js';
import { debian } from './debian.js';
import { libvirt } from './libvirt.js';
import type { Platform } from './platform.js';
import { proxmox } from './proxmox.js';
import { vmwareWorkstation } from './vmware-workstation.js';

export type { Platform } from './platform.js';

export const PLATFORM_REGISTRY = {
  proxmox,
  debian,
  libvirt,
  'vmware-workstation': vmwareWorkstation,
} as const satisfies Record<PlatformId, Platform>;

type Registry = typeof PLATFORM_REGISTRY;

/** Target ids some platform names (the targets registry must have each). */
export type PlatformTargetId = Registry[PlatformId]['targets'][number];
/** Deploy driver ids some platform names (the driver registry must have each). */
export type DeployDriverId = Registry[PlatformId]['driver'];
/** Status reader ids some platform names (the reader registry must have each). */
export type StatusReaderId = Registry[PlatformId]['statusReader'];
