/**
 * Dell EMC OS6 (N-series: N3048, N4032, stacked units 1/0/x and 2/0/x).
 * Written as `show running-config` prints it: no indentation, `exit` after
 * every block, `!` between interfaces, quoted names and descriptions, ports
 * in their short form (`Te1/0/17`), port-channels as `port-channel 8`.
 * Host-facing ports and port-channels are edge ports (`spanning-tree portfast`).
 */
import { ConfigText } from '../switch-common/config-text.js';
import {
  isEdge,
  isManaged,
  type PlannedPort,
  type PlannedPortChannel,
  type SwitchPlan,
} from '../../derive/switch-plan.js';
import { switchportLines, type SwitchportStyle } from '../switch-common/switchport-lines.js';
import { switchTarget } from '../switch-common/switch-target.js';
import { shortPortName, VENDORS } from '../../vendors/index.js';

const LACP = VENDORS['dell-os6'].lacpKeywords;

const quoted = VENDORS['dell-os6'].text;

function vlanBlocks(out: ConfigText, plan: SwitchPlan): void {
  for (const vlan of plan.vlans) {
    out.line(`vlan ${vlan.vlan}`, vlan.elementId);
    if (vlan.name !== undefined) out.line(`name ${quoted(vlan.name)}`, vlan.elementId);
    out.line('exit', vlan.elementId);
  }
}

function interfaceBlock(
  out: ConfigText,
  header: string,
  elementId: string,
  body: {
    description?: string;
    switchport?: PlannedPort['switchport'];
    mtu?: number;
    channel?: PlannedPort['channel'];
    hostFacing: boolean;
  },
  style: SwitchportStyle,
): void {
  const sp = switchportLines(body.switchport, style);
  const lines = [
    `interface ${header}`,
    body.description !== undefined ? `description ${quoted(body.description)}` : undefined,
    // OS6 has no `portfast trunk`: `spanning-tree portfast` makes any edge port, trunk or access, forward at once.
    isEdge(body) ? 'spanning-tree portfast' : undefined,
    sp.mode,
    sp.access,
    sp.native,
    ...sp.allowed,
    body.mtu !== undefined ? `mtu ${body.mtu}` : undefined,
    body.channel && `channel-group ${body.channel.number} mode ${LACP[body.channel.lacp]}`,
    'exit',
  ];
  for (const line of lines) if (line !== undefined) out.line(line, elementId);
}

const portHeader = (plan: SwitchPlan, port: PlannedPort) => shortPortName(plan.switch.vendor, port.name);
const channelHeader = (pc: PlannedPortChannel) => `port-channel ${pc.number}`;

export const dellOs6 = switchTarget({
  vendor: 'dell-os6',
  startupConfig(plan) {
    const style: SwitchportStyle = { explicit: false, accessModeAlways: false };
    const sw = plan.switch;
    const out = new ConfigText()
      .line('!Current Configuration:', sw.id)
      .line(`!Written by Netloom for switch ${sw.name}`, sw.id)
      .line('!', sw.id)
      .line('configure', sw.id);
    vlanBlocks(out, plan);
    out.line(`hostname ${quoted(sw.name)}`, sw.id);
    for (const port of plan.ports) {
      out.line('!');
      interfaceBlock(out, portHeader(plan, port), port.elementId, port, style);
    }
    for (const pc of plan.portChannels) {
      out.line('!');
      interfaceBlock(out, channelHeader(pc), pc.elementId, pc, style);
    }
    return out.line('!').line('exit', sw.id);
  },
  snippet(plan) {
    const style: SwitchportStyle = { explicit: true, accessModeAlways: true };
    const out = new ConfigText().line('configure', plan.switch.id);
    vlanBlocks(out, plan);
    // Port-channels first, so members take on their settings when they join.
    for (const pc of plan.portChannels) interfaceBlock(out, channelHeader(pc), pc.elementId, pc, style);
    for (const port of plan.ports.filter(isManaged))
      interfaceBlock(out, portHeader(plan, port), port.elementId, port, style);
    return out.line('exit', plan.switch.id);
  },
});
