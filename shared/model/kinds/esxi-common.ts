/**
 * What the ESXi standard vSwitch kinds (vswitch, port-group) share: the
 * security policy (promiscuous mode, forged transmits, MAC address changes),
 * each `reject` or `accept`, with its esxcli option and PowerCLI parameter.
 * A vSwitch sets all three; a port group overrides any of them or inherits.
 */
import type { AttributeTable } from '../attributes.js';

export const SECURITY_VERDICTS = ['reject', 'accept'] as const;
export type SecurityVerdict = (typeof SECURITY_VERDICTS)[number];

/** A port group's override: a field left unset inherits the vSwitch's. */
export const PORT_GROUP_SECURITY = {
  allowPromiscuous: {
    type: 'enum',
    values: SECURITY_VERDICTS,
    label: 'Promiscuous mode',
    help: 'Whether a VM NIC sees every frame on the switch, not only its own (unset: as the vSwitch says).',
    keys: { esxcli: 'allow-promiscuous', powercli: 'AllowPromiscuous' },
  },
  allowForgedTransmits: {
    type: 'enum',
    values: SECURITY_VERDICTS,
    label: 'Forged transmits',
    help: 'Whether a VM may send frames from a source MAC other than its NIC’s (unset: as the vSwitch says).',
    keys: { esxcli: 'allow-forged-transmits', powercli: 'ForgedTransmits' },
  },
  allowMacChange: {
    type: 'enum',
    values: SECURITY_VERDICTS,
    label: 'MAC address changes',
    help: 'Whether a VM that changes its NIC’s MAC address still receives frames (unset: as the vSwitch says).',
    keys: { esxcli: 'allow-mac-change', powercli: 'MacChanges' },
  },
} as const satisfies AttributeTable;

/** The vSwitch's security policy: every field set, `reject` unless changed. */
export const VSWITCH_SECURITY = {
  allowPromiscuous: { ...PORT_GROUP_SECURITY.allowPromiscuous, default: 'reject' },
  allowForgedTransmits: { ...PORT_GROUP_SECURITY.allowForgedTransmits, default: 'reject' },
  allowMacChange: { ...PORT_GROUP_SECURITY.allowMacChange, default: 'reject' },
} as const satisfies AttributeTable;

/** The security policy's fields, in the order esxcli and PowerCLI take them. */
export type SecurityField = keyof typeof PORT_GROUP_SECURITY;
export const SECURITY_FIELDS = Object.keys(PORT_GROUP_SECURITY) as SecurityField[];
