/**
 * Which devices a deploy touches and what it writes to each: per device, the
 * driver its platform names, the file that driver installs (rendered by the
 * target the driver names), and the SSH target.
 */
import type { Design, PlatformId, SshTarget } from '../../../shared/model/index.js';
import {
  deployDriverOf,
  exportOnlyReason,
  PLATFORM_REGISTRY,
  type DeployDriverId,
} from '../../../shared/platforms/index.js';
import { TARGET_BY_ID, type GeneratedFile, type TargetId } from '../../../shared/targets/index.js';
import type { DriverRegistry } from './drivers/index.js';
import type { HostTarget } from './session.js';

export interface DevicePlan {
  readonly deviceId: string;
  readonly driver: DeployDriverId;
  readonly target: HostTarget;
  /** The configuration to install, as export writes it. */
  readonly candidate: GeneratedFile;
  /** Files installed, backed up and rolled back with the candidate (the driver's companion targets). */
  readonly companions?: readonly GeneratedFile[];
}

export interface DeployPlan {
  readonly devices: readonly DevicePlan[];
  /** Devices left out, with why (no SSH target). */
  readonly skipped: readonly { readonly host: string; readonly reason: string }[];
  /** Requests that cannot be met (a named host that does not exist or has no SSH target). */
  readonly problems: readonly string[];
}

/** A device the deploy can drive. Hosts take their driver from their platform; switches will take theirs from their vendor. */
interface Deployable {
  readonly id: string;
  readonly name: string;
  readonly ssh: SshTarget | undefined;
  readonly platform: PlatformId;
  /** Absent on an export-only platform. */
  readonly driver: DeployDriverId | undefined;
  /** The targets that write files for it. */
  readonly targets: readonly TargetId[];
}

function deployables(design: Design): Deployable[] {
  return design.hosts.map((h) => ({
    id: h.id,
    name: h.name,
    ssh: h.ssh,
    platform: h.platform,
    driver: deployDriverOf(h.platform),
    targets: PLATFORM_REGISTRY[h.platform].targets,
  }));
}

/** The files of the driver's companion targets that the device has. */
function companionsOf(
  design: Design,
  device: Deployable,
  drivers: DriverRegistry,
  driver: DeployDriverId,
): GeneratedFile[] {
  return (drivers[driver].companions ?? [])
    .filter((t) => device.targets.includes(t) && TARGET_BY_ID[t].appliesTo(design, device.id))
    .flatMap((t) => TARGET_BY_ID[t].render(design, device.id));
}

function candidateOf(design: Design, deviceId: string, drivers: DriverRegistry, driver: DeployDriverId): GeneratedFile {
  const { target, path } = drivers[driver].candidate;
  const file = TARGET_BY_ID[target].render(design, deviceId).find((f) => f.path === path);
  if (!file) throw new Error(`target ${target} wrote no ${path} for device ${deviceId}`);
  return file;
}

/** Plans a deploy of `names` (every device with an SSH target when empty). */
export function planDeploy(design: Design, names: readonly string[], drivers: DriverRegistry): DeployPlan {
  const all = deployables(design);
  const problems: string[] = [];
  const skipped: { host: string; reason: string }[] = [];
  for (const name of names) {
    if (!all.some((d) => d.name === name)) {
      problems.push(`no host named "${name}" in the design (hosts: ${all.map((d) => d.name).join(', ') || 'none'})`);
    }
  }
  const chosen = names.length > 0 ? all.filter((d) => names.includes(d.name)) : all;
  const devices: DevicePlan[] = [];
  for (const device of chosen) {
    if (!device.driver) {
      const reason = exportOnlyReason(device.platform);
      if (names.length > 0) problems.push(`host "${device.name}" ${reason}`);
      else skipped.push({ host: device.name, reason });
      continue;
    }
    if (!device.ssh) {
      const reason = 'has no SSH target (set address, port and user in the inspector)';
      if (names.length > 0) problems.push(`host "${device.name}" ${reason}`);
      else skipped.push({ host: device.name, reason });
      continue;
    }
    devices.push({
      deviceId: device.id,
      driver: device.driver,
      target: { name: device.name, address: device.ssh.address, port: device.ssh.port, user: device.ssh.user },
      candidate: candidateOf(design, device.id, drivers, device.driver),
      companions: companionsOf(design, device, drivers, device.driver),
    });
  }
  return { devices, skipped, problems };
}
