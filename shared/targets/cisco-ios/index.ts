/**
 * Cisco Catalyst IOS / IOS-XE. Written as `show running-config` prints it:
 * one-space indentation under `vlan` and `interface`, `!` between blocks,
 * full port names, `Port-channelN`, long allowed lists wrapped into `add`
 * lines. Members repeat their port-channel's switchport settings, as IOS
 * requires of bundled ports; host-facing trunks get `spanning-tree portfast trunk`.
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
import { VENDORS } from '../../vendors/index.js';

const LACP = VENDORS['cisco-ios'].lacpKeywords;
const text = VENDORS['cisco-ios'].text;

interface InterfaceBody {
  readonly description?: string;
  readonly switchport?: PlannedPort['switchport'];
  readonly mtu?: number;
  readonly channel?: PlannedPort['channel'];
  /** Edge port towards a host: spanning tree forwards at once. */
  readonly portfast: boolean;
}

function vlanBlocks(out: ConfigText, plan: SwitchPlan, separator: string): void {
  for (const vlan of plan.vlans) {
    out.line(`vlan ${vlan.vlan}`, vlan.elementId);
    if (vlan.name !== undefined) out.line(` name ${text(vlan.name)}`, vlan.elementId);
    out.line(separator, vlan.elementId);
  }
}

function interfaceBlock(
  out: ConfigText,
  header: string,
  elementId: string,
  body: InterfaceBody,
  style: SwitchportStyle,
  close: string,
): void {
  const sp = switchportLines(body.switchport, style);
  const trunk = body.switchport?.mode === 'trunk';
  const lines = [
    body.description !== undefined ? `description ${text(body.description)}` : undefined,
    sp.access,
    sp.native,
    ...sp.allowed,
    sp.mode,
    body.mtu !== undefined ? `mtu ${body.mtu}` : undefined,
    body.channel && `channel-group ${body.channel.number} mode ${LACP[body.channel.lacp]}`,
    body.portfast ? (trunk ? 'spanning-tree portfast trunk' : 'spanning-tree portfast') : undefined,
  ];
  out.line(`interface ${header}`, elementId);
  for (const line of lines) if (line !== undefined) out.line(` ${line}`, elementId);
  out.line(close, elementId);
}

function channelBody(pc: PlannedPortChannel): InterfaceBody {
  return { ...pc, portfast: isEdge(pc) };
}

/** A member carries its port-channel's switchport and MTU; spanning tree is set on the port-channel. */
function portBody(plan: SwitchPlan, port: PlannedPort): InterfaceBody {
  const channel = port.channel && plan.portChannels.find((pc) => pc.elementId === port.channel?.elementId);
  if (channel)
    return {
      description: port.description,
      switchport: channel.switchport,
      mtu: channel.mtu ?? port.mtu,
      channel: port.channel,
      portfast: false,
    };
  return { ...port, portfast: isEdge(port) };
}

export const ciscoIos = switchTarget({
  vendor: 'cisco-ios',
  startupConfig(plan) {
    const style: SwitchportStyle = { explicit: false, accessModeAlways: true, wrapAllowedAt: 60 };
    const sw = plan.switch;
    const out = new ConfigText()
      .line('!', sw.id)
      .line(`! Written by Netloom for switch ${sw.name}`, sw.id)
      .line('!', sw.id)
      .line(`hostname ${sw.name}`, sw.id)
      .line('!', sw.id);
    vlanBlocks(out, plan, '!');
    for (const pc of plan.portChannels)
      interfaceBlock(out, `Port-channel${pc.number}`, pc.elementId, channelBody(pc), style, '!');
    for (const port of plan.ports) interfaceBlock(out, port.name, port.elementId, portBody(plan, port), style, '!');
    return out.line('end', sw.id);
  },
  snippet(plan) {
    const style: SwitchportStyle = { explicit: true, accessModeAlways: true, wrapAllowedAt: 60 };
    const out = new ConfigText().line('configure terminal', plan.switch.id);
    vlanBlocks(out, plan, 'exit');
    for (const pc of plan.portChannels)
      interfaceBlock(out, `Port-channel${pc.number}`, pc.elementId, channelBody(pc), style, 'exit');
    for (const port of plan.ports.filter(isManaged))
      interfaceBlock(out, port.name, port.elementId, portBody(plan, port), style, 'exit');
    return out.line('end', plan.switch.id);
  },
});
