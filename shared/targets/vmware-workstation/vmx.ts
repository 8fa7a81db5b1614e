/**
 * A VM's network adapters as `.vmx` lines (`ethernet<N>.<key> = "<value>"`):
 * each adapter on a custom VMnet (`connectionType = "custom"`, `vnet =
 * "vmnet<n>"`), its emulated device and, if set, its static MAC address.
 */
import type { NIC_MODELS } from '../../model/kinds/index.js';

/** VMware's adapter for each NIC model; virtio and rtl8139 have none, so the paravirtual and the legacy one stand in. */
const VIRTUAL_DEV: Readonly<Record<(typeof NIC_MODELS)[number], string>> = {
  virtio: 'vmxnet3',
  e1000: 'e1000',
  e1000e: 'e1000e',
  rtl8139: 'vlance',
  vmxnet3: 'vmxnet3',
};

export interface VmxAdapter {
  readonly slot: number;
  /** The VMnet the adapter is on; absent when the NIC sits on something VMware cannot use (a host bridge). */
  readonly vmnet?: number;
  readonly model: (typeof NIC_MODELS)[number];
  readonly mac?: string;
}

export function formatVmxAdapter(adapter: VmxAdapter): string[] {
  const key = (k: string, v: string) => `ethernet${adapter.slot}.${k} = "${v}"`;
  if (adapter.vmnet === undefined)
    return [`# ethernet${adapter.slot}: not on a VMnet (VMware Workstation attaches adapters to VMnets only)`];
  return [
    key('present', 'TRUE'),
    key('connectionType', 'custom'),
    key('vnet', `vmnet${adapter.vmnet}`),
    key('virtualDev', VIRTUAL_DEV[adapter.model]),
    ...(adapter.mac === undefined
      ? [key('addressType', 'generated')]
      : [key('addressType', 'static'), key('address', adapter.mac)]),
  ];
}
