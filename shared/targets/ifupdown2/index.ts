/**
 * ifupdown2: a host's `/etc/network/interfaces`, written the way Proxmox VE
 * writes it. One renderer per element kind, in dependency order (ports, bonds,
 * OVS bonds, bridges, OVS bridges, OVS internal ports, VLAN interfaces), then the host's unmanaged stanzas verbatim, then
 * the `source` line for interfaces.d. Same design, same bytes.
 */
import type { Design, Host } from '../../model/schema.js';
import { ConfigText } from '../switch-common/config-text.js';
import type { GeneratedFile, Target } from '../target.js';
import { INTERFACES_D } from './keys.js';
import { interfaceNames } from './names.js';
import { bondStanzas } from './render-bond.js';
import { bridgeStanzas } from './render-bridge.js';
import { ovsBondStanzas, ovsBridges, ovsBridgeStanzas, ovsIntPortStanzas, ovsPortLines } from './render-ovs.js';
import { portStanzas } from './render-port.js';
import { vlanStanzas } from './render-vlan.js';
import { writeInterface } from './stanza.js';

export const INTERFACES_PATH = 'etc/network/interfaces';
export const SOURCE_INTERFACES_D = `source ${INTERFACES_D}`;

function findHost(design: Design, hostId: string): Host {
  const host = design.hosts.find((h) => h.id === hostId);
  if (!host) throw new Error(`no host with id ${hostId}`);
  return host;
}

/** An unmanaged block that defines `lo` itself replaces the default loopback stanza. */
const definesLoopback = (block: string) => /^\s*iface\s+lo\s/m.test(block);

function interfacesText(host: Host): ConfigText {
  const out = new ConfigText();
  if (!host.unmanaged.some(definesLoopback)) {
    out.line('auto lo', host.id).line('iface lo inet loopback', host.id).line('');
  }
  const nameOf = interfaceNames(host);
  const bridgeOf = ovsBridges(host);
  const stanzas = [
    ...host.ports.map((p) => {
      const own = portStanzas(p);
      return { ...own, kindLines: [...ovsPortLines(bridgeOf(p.id)), ...own.kindLines] };
    }),
    ...host.bonds.map((b) => bondStanzas(b, nameOf)),
    ...host.ovsBonds.map((b) => ovsBondStanzas(b, nameOf, bridgeOf)),
    ...host.bridges.map((b) => bridgeStanzas(b, nameOf)),
    ...host.ovsBridges.map((b) => ovsBridgeStanzas(b, nameOf)),
    ...host.ovsIntPorts.map((p) => ovsIntPortStanzas(p, bridgeOf)),
    ...host.vlans.map((v) => vlanStanzas(v, nameOf)),
  ];
  for (const stanza of stanzas) writeInterface(out, stanza);
  for (const block of host.unmanaged) {
    for (const line of block.replace(/\n+$/, '').split('\n')) out.line(line, host.id);
    out.line('');
  }
  return out.line(SOURCE_INTERFACES_D, host.id);
}

function renderFile(design: Design, hostId: string): GeneratedFile {
  return interfacesText(findHost(design, hostId)).toFile('ifupdown2', INTERFACES_PATH);
}

/** The content of the host's `/etc/network/interfaces`, as the deploy engine installs it. */
export function renderInterfaces(design: Design, hostId: string): string {
  return renderFile(design, hostId).content;
}

export const ifupdown2Target: Target = {
  id: 'ifupdown2',
  label: 'ifupdown2 (/etc/network/interfaces)',
  appliesTo: (design, deviceId) => design.hosts.some((h) => h.id === deviceId),
  render: (design, deviceId) => [renderFile(design, deviceId)],
};
