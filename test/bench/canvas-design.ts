/**
 * Generated designs for the canvas benchmark: rows of hosts like the example
 * (4 ports, 2 bonds, 2 bridges, a VM) cabled to 48-port switches with a
 * port-channel per bond, with every node positioned (as a saved design is).
 */
import { Design, FORMAT, type Host, type Position, type Switch } from '../../shared/model/index.js';
import { NODE_SIZE } from '../../shared/layout/sizes.js';

/** Canvas nodes per host with its share of switch ports and port-channels. */
export const NODES_PER_HOST = 16;

export function generatedDesign(elements: number): Design {
  const hostCount = Math.ceil(elements / NODES_PER_HOST);
  const hosts: Host[] = [];
  const switches: Switch[] = [];
  const cables: Design['cables'] = [];
  const layout: Record<string, Position> = {};
  const perSwitch = 8;
  for (let h = 0; h < hostCount; h++) {
    const id = `h${h}`;
    const port = (i: number) => ({
      id: `${id}-p${i}`,
      name: `enp${i}s0`,
      speed: i < 2 ? 2500 : 10000,
      autostart: 'auto' as const,
    });
    hosts.push({
      id,
      name: `pve${h}`,
      platform: 'proxmox',
      ports: [0, 1, 2, 3].map(port),
      bonds: [0, 1].map((b) => ({
        id: `${id}-b${b}`,
        name: `bond${b}`,
        members: [`${id}-p${b * 2}`, `${id}-p${b * 2 + 1}`],
        mode: '802.3ad' as const,
        miimon: 100,
        autostart: 'auto' as const,
      })),
      bridges: [0, 1].map((b) => ({
        id: `${id}-br${b}`,
        name: `vmbr${b}`,
        ports: [`${id}-b${b}`],
        vlanAware: b === 1,
        ...(b === 1 ? { pvid: 240 } : {}),
        stp: false,
        forwardDelay: 0,
        autostart: 'auto' as const,
      })),
      vlans: [],
      ovsBridges: [],
      ovsBonds: [],
      ovsIntPorts: [],
      vswitches: [],
      portGroups: [],
      vms: [
        {
          id: `${id}-vm`,
          vmid: 100 + h,
          name: `vm${h}`,
          nics: [{ id: `${id}-vm-n0`, slot: 0, bridge: `${id}-br1`, tag: 245, model: 'virtio', firewall: false }],
        },
      ],
      virtualNetworks: [],
      bridgeRules: [],
      unmanaged: [],
    });
    // Groups of eight hosts in a row, their switch below them.
    layout[id] = { x: (h % perSwitch) * 760, y: Math.floor(h / perSwitch) * 1400 };
    const place = (eid: string, x: number, y: number) => (layout[eid] = { x, y });
    place(`${id}-vm`, 400, 48);
    [0, 1].forEach((b) => place(`${id}-br${b}`, 24 + b * 360, 164));
    [0, 1].forEach((b) => place(`${id}-b${b}`, 24 + b * 360, 276));
    [0, 1, 2, 3].forEach((p) => place(`${id}-p${p}`, 24 + p * (NODE_SIZE.port.width + 24), 384));
  }
  for (let s = 0; s * perSwitch < hostCount; s++) {
    const id = `sw${s}`;
    const sw: Switch = { id, name: `sw${s}`, vendor: 'dell-os6', stackUnits: 1, ports: [], portChannels: [] };
    for (let h = s * perSwitch; h < Math.min(hostCount, (s + 1) * perSwitch); h++) {
      for (let b = 0; b < 2; b++) {
        const members = [0, 1].map((m) => {
          const n = (h - s * perSwitch) * 4 + b * 2 + m + 1;
          const pid = `${id}-te${n}`;
          sw.ports.push({ id: pid, name: `Tengigabitethernet1/0/${n}` });
          cables.push({ id: `c-h${h}-${b * 2 + m}`, hostPort: `h${h}-p${b * 2 + m}`, switchPort: pid });
          return pid;
        });
        sw.portChannels.push({
          id: `${id}-po${(h - s * perSwitch) * 2 + b + 1}`,
          number: (h - s * perSwitch) * 2 + b + 1,
          members,
          lacp: 'active',
          switchport: { mode: 'trunk', allowed: 'all', native: 240 },
        });
      }
    }
    layout[id] = { x: 0, y: s * 1400 + 620 };
    sw.ports.forEach((p, i) => (layout[p.id] = { x: 24 + i * 184, y: 48 }));
    sw.portChannels.forEach((p, i) => (layout[p.id] = { x: 24 + i * 368 + 92, y: 152 }));
    switches.push(sw);
  }
  return Design.parse({
    format: FORMAT,
    name: `Canvas benchmark ${elements}`,
    networks: [
      { id: 'n240', vlan: 240, name: 'management', purpose: 'management', colour: '#2563eb' },
      { id: 'n245', vlan: 245, name: 'vms', purpose: 'vm', colour: '#16a34a' },
    ],
    hosts,
    switches,
    cables,
    layout,
  });
}
