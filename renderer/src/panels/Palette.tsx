/** Element kinds to drag onto the canvas (or click to add at the centre of the view). */
import type { DragEvent } from 'react';
import type { PlaceableKind } from '../../../shared/edit/create.js';
import { PLATFORM_REGISTRY } from '../../../shared/platforms/index.js';
import { KindIcon } from '../chrome/KindIcon.js';
import { DRAG_MIME, dropKind, kindWord } from '../canvas/drop.js';
import { getFlow } from '../canvas/flow-controls.js';
import { NetworkList } from './NetworkList.js';

const GROUPS: readonly { title: string; kinds: readonly { kind: PlaceableKind; hint: string }[] }[] = [
  {
    title: 'Devices',
    kinds: [
      { kind: 'host', hint: `A ${Object.values(PLATFORM_REGISTRY).map((p) => p.label).join(' or ')} host` },
      { kind: 'switch', hint: 'A Dell OS6 or Cisco IOS switch' },
    ],
  },
  {
    title: 'Host',
    kinds: [
      { kind: 'port', hint: 'A physical NIC such as enp88s0' },
      { kind: 'bond', hint: 'Ports bonded together (LACP, active-backup, …)' },
      { kind: 'bridge', hint: 'A Linux bridge such as vmbr0' },
      { kind: 'vlan', hint: 'A VLAN interface such as vmbr0.240' },
      { kind: 'vm', hint: 'A Proxmox VM; drag its NIC handle to a bridge' },
    ],
  },
  {
    title: 'Switch',
    kinds: [
      { kind: 'switch-port', hint: 'A switch port such as Te1/0/17' },
      { kind: 'port-channel', hint: 'A port-channel (LAG) of switch ports' },
    ],
  },
];

function onDragStart(event: DragEvent, kind: PlaceableKind) {
  event.dataTransfer.setData(DRAG_MIME, kind);
  event.dataTransfer.effectAllowed = 'copy';
}

/** A click adds the element at the centre of the view (inside the device there, if any). */
function addAtCentre(kind: PlaceableKind) {
  const flow = getFlow();
  if (!flow) return;
  const box = document.querySelector('.react-flow')?.getBoundingClientRect();
  const centre = box ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 }) : { x: 0, y: 0 };
  void dropKind(kind, { x: Math.round(centre.x), y: Math.round(centre.y) }, flow.getNodes());
}

export function Palette() {
  return (
    <aside className="sidebar palette" aria-label="Palette" data-testid="palette">
      {GROUPS.map((group) => (
        <section key={group.title}>
          <h2 className="section-title">{group.title}</h2>
          <div className="palette-grid">
            {group.kinds.map(({ kind, hint }) => (
              <button
                key={kind}
                type="button"
                className="palette-item"
                draggable
                onDragStart={(e) => onDragStart(e, kind)}
                onClick={() => addAtCentre(kind)}
                title={`${hint}. Drag onto the canvas, or click to add.`}
                data-testid={`palette-${kind}`}
              >
                <KindIcon kind={kind} size={18} />
                <span>{kindWord(kind)}</span>
              </button>
            ))}
          </div>
        </section>
      ))}
      <NetworkList />
    </aside>
  );
}
