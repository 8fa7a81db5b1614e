/**
 * Which devices a deploy touches and what it writes to each: per device, the
 * driver its platform (host) or vendor (switch) names, the file that driver
 * installs (rendered by the target the driver names), and the SSH target.
 * Devices cabled to each other form one change: when both ends change they
 * are applied, verified and confirmed together or all rolled back, in the
 * order the plan gives (the device carrying the others' management path last).
 */
import type { Design, SshTarget } from '../../../shared/model/index.js';
import { deployDriverOf, exportOnlyReason, PLATFORM_REGISTRY } from '../../../shared/platforms/index.js';
import { TARGET_BY_ID, type GeneratedFile, type TargetId } from '../../../shared/targets/index.js';
import type { DriverId, DriverRegistry } from './drivers/index.js';
import type { HostTarget } from './session.js';

export interface DevicePlan {
  readonly deviceId: string;
  readonly driver: DriverId;
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
  /** Devices cabled to each other, deployed as one change when more than one of them changes. */
  readonly groups: readonly ChangeGroup[];
}

/** Devices that hold or roll back together, in apply order. */
export interface ChangeGroup {
  /** Device names, in the order they are applied. */
  readonly devices: readonly string[];
  /** Why this order, for the plan shown before applying. */
  readonly order: string;
}

/** A device the deploy can drive. Hosts take their driver from their platform, switches from their vendor. */
type Deployable = {
  readonly id: string;
  readonly name: string;
  readonly ssh: SshTarget | undefined;
  readonly role: 'host' | 'switch';
  /** The targets that write files for it. */
  readonly targets: readonly TargetId[];
} & (
  | { readonly driver: DriverId }
  /** A host of an export-only platform, with why it is not deployed. */
  | { readonly driver: undefined; readonly exportOnly: string }
);

function deployables(design: Design): Deployable[] {
  return [
    ...design.hosts.map((h): Deployable => {
      const common = {
        id: h.id,
        name: h.name,
        ssh: h.ssh,
        role: 'host' as const,
        targets: PLATFORM_REGISTRY[h.platform].targets,
      };
      const driver = deployDriverOf(h.platform);
      return driver ? { ...common, driver } : { ...common, driver, exportOnly: exportOnlyReason(h.platform) };
    }),
    ...design.switches.map((s): Deployable => ({
      id: s.id,
      name: s.name,
      ssh: s.ssh,
      role: 'switch',
      targets: [s.vendor],
      driver: s.vendor,
    })),
  ];
}

/** The files of the driver's companion targets that the device has. */
function companionsOf(design: Design, device: Deployable, driver: DriverId, drivers: DriverRegistry): GeneratedFile[] {
  return (drivers[driver].companions ?? [])
    .filter((t) => device.targets.includes(t) && TARGET_BY_ID[t].appliesTo(design, device.id))
    .flatMap((t) => TARGET_BY_ID[t].render(design, device.id));
}

/**
 * The planned devices cabled to each other (connected through cables), two or more each. A host
 * reaches the deploying machine through the switch it is cabled to, so hosts are applied first
 * and switches last: a switch change that cuts a path then finds the hosts already armed.
 */
function changeGroups(design: Design, planned: readonly Deployable[]): ChangeGroup[] {
  const deviceOfPort = new Map<string, string>();
  for (const h of design.hosts) for (const p of h.ports) deviceOfPort.set(p.id, h.id);
  for (const s of design.switches) for (const p of s.ports) deviceOfPort.set(p.id, s.id);
  const ids = new Set(planned.map((d) => d.id));
  const parent = new Map([...ids].map((id) => [id, id]));
  const root = (id: string): string => {
    while (parent.get(id) !== id) id = parent.get(id)!;
    return id;
  };
  for (const cable of design.cables) {
    const a = deviceOfPort.get(cable.hostPort);
    const b = deviceOfPort.get(cable.switchPort);
    if (a && b && ids.has(a) && ids.has(b)) parent.set(root(a), root(b));
  }
  const members = new Map<string, Deployable[]>();
  for (const d of planned) members.set(root(d.id), [...(members.get(root(d.id)) ?? []), d]);
  return [...members.values()]
    .filter((group) => group.length > 1)
    .map((group) => {
      const hosts = group.filter((d) => d.role === 'host').map((d) => d.name);
      const switches = group.filter((d) => d.role === 'switch').map((d) => d.name);
      return {
        devices: [...hosts, ...switches],
        order:
          switches.length > 0 && hosts.length > 0
            ? `${switches.join(', ')} last: ${switches.length > 1 ? 'they carry' : 'it carries'} the management path of ${hosts.join(', ')}`
            : 'cabled to each other',
      };
    });
}

function candidateOf(design: Design, deviceId: string, drivers: DriverRegistry, driver: DriverId): GeneratedFile {
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
      problems.push(
        `no host or switch named "${name}" in the design (devices: ${all.map((d) => d.name).join(', ') || 'none'})`,
      );
    }
  }
  const chosen = names.length > 0 ? all.filter((d) => names.includes(d.name)) : all;
  const devices: DevicePlan[] = [];
  const planned: Deployable[] = [];
  for (const device of chosen) {
    if (device.driver === undefined) {
      if (names.length > 0) problems.push(`${device.role} "${device.name}" ${device.exportOnly}`);
      else skipped.push({ host: device.name, reason: device.exportOnly });
      continue;
    }
    if (!device.ssh) {
      const reason = 'has no SSH target (set address, port and user in the inspector)';
      if (names.length > 0) problems.push(`${device.role} "${device.name}" ${reason}`);
      else skipped.push({ host: device.name, reason });
      continue;
    }
    planned.push(device);
    devices.push({
      deviceId: device.id,
      driver: device.driver,
      target: { name: device.name, address: device.ssh.address, port: device.ssh.port, user: device.ssh.user },
      candidate: candidateOf(design, device.id, drivers, device.driver),
      companions: companionsOf(design, device, device.driver, drivers),
    });
  }
  // Hosts come before switches in `devices`, the apply order each group gives.
  return { devices, skipped, problems, groups: changeGroups(design, planned) };
}
