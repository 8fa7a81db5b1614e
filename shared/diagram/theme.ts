/**
 * The diagram's colours, light and dark: the canvas's own (renderer/src/styles/app.css),
 * fixed here so an exported picture does not depend on the app's theme.
 */
import type { FrameKind, NodeKind } from '../model/kinds/index.js';

export const DIAGRAM_THEMES = ['light', 'dark'] as const;
export type DiagramTheme = (typeof DIAGRAM_THEMES)[number];

export interface Palette {
  readonly background: string;
  readonly text: string;
  readonly muted: string;
  readonly nodeBg: string;
  readonly border: string;
  readonly frameBg: string;
  readonly frame: Readonly<Record<FrameKind, string>>;
  /** Member, bridge-port and VLAN-parent lines, and cables that carry no named network. */
  readonly line: string;
  /** Text on a coloured pill (a NIC's VLAN tag). */
  readonly onColour: string;
}

/** Each node kind's accent, the same in both themes (`--kind-<kind>` on the canvas). */
export const KIND_COLOUR: Readonly<Record<NodeKind, string>> = {
  port: '#0ea5e9',
  bond: '#8b5cf6',
  bridge: '#10b981',
  vlan: '#f59e0b',
  'ovs-bond': '#8b5cf6',
  'ovs-bridge': '#10b981',
  'ovs-int-port': '#f59e0b',
  vm: '#ec4899',
  'switch-port': '#64748b',
  'port-channel': '#6366f1',
  vswitch: '#0d9488',
  'port-group': '#14b8a6',
  'virtual-network': '#06b6d4',
  'bridge-rule': '#e11d48',
};

export const PALETTES: Readonly<Record<DiagramTheme, Palette>> = {
  light: {
    background: '#fbfcfd',
    text: '#172033',
    muted: '#667085',
    nodeBg: '#ffffff',
    border: '#c3c9d2',
    frameBg: '#f1f4f8',
    frame: { host: '#94a3b8', switch: '#a8a29e' },
    line: '#8a94a6',
    onColour: '#ffffff',
  },
  dark: {
    background: '#12161b',
    text: '#e6e9ee',
    muted: '#8b95a5',
    nodeBg: '#1b2027',
    border: '#3a424e',
    frameBg: '#1a1f26',
    frame: { host: '#526074', switch: '#6b625c' },
    line: '#6b7687',
    onColour: '#0f1216',
  },
};
