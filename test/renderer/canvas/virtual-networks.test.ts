/**
 * Virtual networks on the canvas (the KVM example): a VM on the NAT network
 * is wired to that network's node, which says NAT and has no link to the LAN
 * bridge; the bridged network is linked to its bridge. Bridged-traffic rules
 * are nodes of their own.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { designToFlow } from '../../../renderer/src/canvas/to-flow.js';
import { parseDesign } from '../../../shared/load/index.js';
import { ROOT } from '../../helpers/cli.js';

const loaded = parseDesign(readFileSync(`${ROOT}shared/examples/kvm-bridged-nat.netloom.json`, 'utf8'));
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const { nodes, edges } = designToFlow({ design: loaded.design, badges: new Map(), live: {}, selection: new Set() });
const touching = (id: string) => edges.filter((e) => e.source === id || e.target === id).map((e) => e.id);
const node = (id: string) => nodes.find((n) => n.id === id)!;

describe('virtual networks on the canvas', () => {
  it('the NAT network says so, takes its own accent, and only its VM’s NIC touches it: no link to the LAN bridge', () => {
    expect(node('kvm1-vm-nat')).toMatchObject({
      type: 'virtual-network',
      data: { title: 'vm-nat', detail: 'NAT (not on the LAN) · 192.168.100.1/24' },
    });
    expect((node('kvm1-vm-nat').data as { accent?: string }).accent).toBeDefined();
    expect(touching('kvm1-vm-nat')).toEqual(['kvm1-build-net0']);
    expect(edges.find((e) => e.id === 'kvm1-build-net0')).toMatchObject({ type: 'nic', target: 'kvm1-build' });
  });

  it('the bridged network is linked to br0, and the VM on it reaches the LAN through it', () => {
    expect(node('kvm1-lan').data).toMatchObject({ detail: 'bridged (LAN segment)' });
    expect(touching('kvm1-lan').sort()).toEqual(['kvm1-web-net0', 'uplink:kvm1-lan']);
    expect(touching('kvm1-br0')).toContain('uplink:kvm1-lan');
  });

  it('draws each bridged-traffic rule as a node titled by its verdict', () => {
    expect(node('kvm1-fwd-kiosk')).toMatchObject({ type: 'bridge-rule', data: { title: 'REJECT tcp/80' } });
    expect(node('kvm1-fwd-rest').data).toMatchObject({ title: 'ACCEPT', detail: 'every other bridged frame' });
  });
});
