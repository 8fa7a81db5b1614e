/**
 * Canvas geometry shared by the automatic layout and the canvas: the size of
 * each node kind, and the padding of host and switch frames. Nodes have a
 * fixed size, so layout and frame sizes never wait for the DOM.
 */
export type NodeKind = 'host' | 'switch' | 'port' | 'bond' | 'bridge' | 'vlan' | 'vm' | 'switch-port' | 'port-channel';

export interface Size {
  readonly width: number;
  readonly height: number;
}

export const NODE_SIZE: Record<Exclude<NodeKind, 'host' | 'switch'>, Size> = {
  port: { width: 150, height: 48 },
  bond: { width: 184, height: 52 },
  bridge: { width: 196, height: 56 },
  vlan: { width: 168, height: 48 },
  vm: { width: 176, height: 60 },
  'switch-port': { width: 160, height: 48 },
  'port-channel': { width: 184, height: 52 },
};

/** Space inside a host or switch frame around its elements; the top holds the title bar. */
export const FRAME_PADDING = { top: 48, right: 24, bottom: 24, left: 24 } as const;

/** Size of an empty host or switch frame. */
export const EMPTY_FRAME: Size = { width: 240, height: 120 };
