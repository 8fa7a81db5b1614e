import type { Design } from '../../../../shared/model/index.js';
import { exampleDesign } from '../../../helpers/design.js';

/** The example homelab with its switch turned into a Cisco Catalyst (IOS port names). */
export function ciscoExample(): Design {
  const design = exampleDesign();
  const sw = design.switches[0]!;
  sw.vendor = 'cisco-ios';
  sw.name = 'c9300';
  for (const port of sw.ports) port.name = port.name.replace('Tengigabitethernet', 'TenGigabitEthernet');
  return design;
}

/**
 * The example plus what it lacks to exercise every line kind: an access port
 * cabled to a second host, an unused port with a description, a jumbo
 * port-channel with a narrow allowed list, a static LAG.
 */
export function richSwitch(design: Design, portType: string): Design {
  const sw = design.switches[0]!;
  design.hosts.push({
    id: 'nas',
    name: 'nas',
    platform: 'debian',
    unmanaged: [],
    ports: [{ id: 'nas-eno1', name: 'eno1', autostart: 'auto' }],
    bonds: [],
    bridges: [],
    vlans: [],
    ovsBridges: [],
    ovsBonds: [],
    ovsIntPorts: [],
    vswitches: [],
    portGroups: [],
    vms: [],
    virtualNetworks: [],
    bridgeRules: [],
  });
  sw.ports.push(
    { id: 'sw-p5', name: `${portType}1/0/5`, switchport: { mode: 'access', vlan: 245 } },
    { id: 'sw-p6', name: `${portType}1/0/6`, description: 'spare' },
    { id: 'sw-p7', name: `${portType}1/0/7` },
    { id: 'sw-p8', name: `${portType}2/0/7` },
  );
  sw.portChannels.push({
    id: 'sw-po10',
    number: 10,
    members: ['sw-p7', 'sw-p8'],
    lacp: 'on',
    mtu: 9198,
    switchport: {
      mode: 'trunk',
      allowed: '240,245,300-310,400,402,404,406,408,410,412,414,416,418,420,422,424',
      native: 240,
    },
  });
  design.cables.push({ id: 'cable-nas', hostPort: 'nas-eno1', switchPort: 'sw-p5' });
  return design;
}
