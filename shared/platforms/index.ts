/**
 * Every host platform, one entry each. A new platform is one file here and
 * one line below; the compiler then asks for its targets, deploy driver and
 * status reader in their registries.
 */
import type { PlatformId } from '../model/schema.js';
import { debian } from './debian.js';
import { esxi } from './esxi.js';
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
  esxi,
} as const satisfies Record<PlatformId, Platform>;

type Registry = typeof PLATFORM_REGISTRY;

/** Target ids some platform names (the targets registry must have each). */
export type PlatformTargetId = Registry[PlatformId]['targets'][number];
type Deployed = Extract<Registry[PlatformId], { readonly driver: string }>;
type Read = Extract<Registry[PlatformId], { readonly statusReader: string }>;
/** Deploy driver ids some platform names (the driver registry must have each). */
export type DeployDriverId = Deployed['driver'];
/** Status reader ids some platform names (the reader registry must have each). */
export type StatusReaderId = Read['statusReader'];

/** The deploy driver of a platform's hosts; undefined when the platform is export only. */
export function deployDriverOf(id: PlatformId): DeployDriverId | undefined {
  const platform: Registry[PlatformId] = PLATFORM_REGISTRY[id];
  return 'driver' in platform ? platform.driver : undefined;
}

/** The live-status reader of a platform's hosts; undefined when the platform is export only. */
export function statusReaderOf(id: PlatformId): StatusReaderId | undefined {
  const platform: Registry[PlatformId] = PLATFORM_REGISTRY[id];
  return 'statusReader' in platform ? platform.statusReader : undefined;
}

/** Why a host of an export-only platform is left out of deploy and live status (after its name). */
export const exportOnlyReason = (id: PlatformId): string =>
  `is a ${PLATFORM_REGISTRY[id].label} host: export only (review and run its scripts yourself)`;
