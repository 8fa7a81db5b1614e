/** Small line icons for element kinds, drawn inline (no icon font, no network). */
import { KINDS } from '../../../shared/model/kinds/index.js';

export type IconKind = 'host' | 'switch' | 'port' | 'bond' | 'bridge' | 'vlan' | 'vm' | 'switch-port' | 'port-channel' | 'network' | 'cable' | 'ovs-bridge' | 'ovs-bond' | 'ovs-int-port';

const PATHS: Record<IconKind, string> = {
  host: 'M3 4h18v6H3zM3 14h18v6H3zM7 7h.01M7 17h.01',
  switch: 'M2 8h20v8H2zM6 12h.01M10 12h.01M14 12h.01M18 12h.01',
  port: 'M6 5h12v10h-3v3H9v-3H6zM9 9h6',
  bond: 'M5 7h6v10H5zM13 7h6v10h-6zM11 12h2',
  bridge: 'M3 17h18M5 17V9M19 17V9M5 9c4 5 10 5 14 0',
  vlan: 'M4 6h16M4 12h16M4 18h16M8 4v16',
  vm: 'M4 5h16v11H4zM9 20h6M12 16v4',
  'switch-port': 'M6 6h12v9h-3v3H9v-3H6z',
  'port-channel': 'M4 8h7v8H4zM13 8h7v8h-7zM7 4v4M17 4v4',
  network: 'M12 3l8 4.5v9L12 21l-8-4.5v-9z',
  cable: 'M4 18c6 0 4-12 16-12',
  'ovs-bridge': KINDS['ovs-bridge'].icon,
  'ovs-bond': KINDS['ovs-bond'].icon,
  'ovs-int-port': KINDS['ovs-int-port'].icon,
};

export function KindIcon({ kind, size = 16 }: { kind: IconKind; size?: number }) {
  return (
    <svg className={`icon icon-${kind}`} width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={PATHS[kind]} />
    </svg>
  );
}
