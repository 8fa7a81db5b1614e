/**
 * A running-config read by `readSwitchConfig` as a design switch: the ports
 * that carry a setting Netloom models (description, switchport, channel-group,
 * mtu), the port-channels with their members and LACP mode. What the model
 * cannot hold is left out with a note naming the line.
 */
import { LACP_MODES, type LacpMode } from '../model/kinds/index.js';
import type { PortChannel, Switch, SwitchPort, SwitchVendor } from '../model/schema.js';
import { portNameProblem, shortPortName, stackUnitOf } from '../vendors/index.js';
import { switchportOf, type ReadInterface, type ReadProblem, type SwitchConfig } from './read.js';

export interface SwitchImport {
  readonly switch: Switch;
  /** What was left out or could not be read, by line of the running-config. */
  readonly notes: readonly ReadProblem[];
}

export interface SwitchImportOptions {
  readonly vendor: SwitchVendor;
  /** The switch's name (checked by the caller); its id, and the ids of its ports and port-channels, derive from it. */
  readonly name: string;
}

const MTU_RANGE = { min: 1280, max: 9216 } as const;

const idPart = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');

const hasSwitchport = (iface: ReadInterface) =>
  iface.mode !== undefined ||
  iface.accessVlan !== undefined ||
  iface.native !== undefined ||
  iface.allowed !== undefined;

function mtuOf(iface: ReadInterface, notes: ReadProblem[]): { mtu?: number } {
  if (iface.mtu === undefined) return {};
  if (iface.mtu >= MTU_RANGE.min && iface.mtu <= MTU_RANGE.max) return { mtu: iface.mtu };
  notes.push({
    line: iface.line,
    message: `${iface.name}: mtu ${iface.mtu} is outside ${MTU_RANGE.min}-${MTU_RANGE.max}; left out`,
  });
  return {};
}

function lacpOf(iface: ReadInterface, notes: ReadProblem[]): LacpMode | undefined {
  const mode = iface.channelGroup?.mode;
  if (mode === undefined) return undefined;
  if ((LACP_MODES as readonly string[]).includes(mode)) return mode as LacpMode;
  notes.push({
    line: iface.line,
    message: `${iface.name}: channel-group mode ${mode} is not LACP active, passive or on; the port-channel is taken as active`,
  });
  return undefined;
}

export function switchFromConfig(config: SwitchConfig, options: SwitchImportOptions): SwitchImport {
  const { vendor } = options;
  const id = idPart(options.name).replace(/^-+/, '') || 'switch';
  const notes: ReadProblem[] = [...config.problems];
  const ports: SwitchPort[] = [];
  const members = new Map<number, { ids: string[]; lacp?: LacpMode; line: number }>();
  const channelBlocks = new Map<number, ReadInterface>();

  for (const iface of config.interfaces) {
    if (iface.kind === 'port-channel') {
      channelBlocks.set(Number(iface.name.split(' ')[1]), iface);
      continue;
    }
    if (iface.kind !== 'port') continue;
    const settings = iface.description !== undefined || hasSwitchport(iface) || iface.channelGroup || iface.mtu;
    if (!settings) continue;
    const nameProblem = portNameProblem(vendor, iface.name);
    if (nameProblem) {
      notes.push({ line: iface.line, message: `${nameProblem}; the port is left out` });
      continue;
    }
    const portId = `${id}-${idPart(shortPortName(vendor, iface.name))}`;
    const group = iface.channelGroup;
    if (group) {
      const entry = members.get(group.number) ?? { ids: [], line: iface.line };
      entry.ids.push(portId);
      const lacp = lacpOf(iface, notes);
      if (lacp !== undefined && entry.lacp !== undefined && lacp !== entry.lacp)
        notes.push({
          line: iface.line,
          message: `${iface.name}: channel-group ${group.number} mode ${lacp} differs from another member's ${entry.lacp}`,
        });
      entry.lacp ??= lacp;
      members.set(group.number, entry);
      if (hasSwitchport(iface))
        notes.push({
          line: iface.line,
          message: `${iface.name}: the switchport lines of a port-channel member are left out; port-channel ${group.number}'s apply`,
        });
    }
    const switchport = !group && hasSwitchport(iface) ? switchportOf(vendor, iface) : undefined;
    ports.push({
      id: portId,
      name: iface.name,
      ...(iface.description !== undefined && { description: iface.description }),
      ...mtuOf(iface, notes),
      ...(switchport && { switchport }),
    });
  }

  // A port-channel block with no member and no setting is the switch's listing, not a configured LAG.
  const configured = [...channelBlocks].filter(
    ([, block]) => block.description !== undefined || hasSwitchport(block) || block.mtu !== undefined,
  );
  const numbers = [...new Set([...configured.map(([n]) => n), ...members.keys()])].sort((a, b) => a - b);
  const portChannels: PortChannel[] = numbers.map((number) => {
    const block = channelBlocks.get(number);
    const switchport = block && hasSwitchport(block) ? switchportOf(vendor, block) : undefined;
    return {
      id: `${id}-po${number}`,
      number,
      members: members.get(number)?.ids ?? [],
      lacp: members.get(number)?.lacp ?? 'active',
      ...(block?.description !== undefined && { description: block.description }),
      ...(block && mtuOf(block, notes)),
      ...(switchport && { switchport }),
    };
  });

  const units = ports.map((p) => stackUnitOf(p.name) ?? 1);
  return {
    switch: {
      id,
      name: options.name,
      vendor,
      stackUnits: Math.min(12, Math.max(1, ...units)),
      ports,
      portChannels,
    },
    notes: notes.sort((a, b) => a.line - b.line),
  };
}
