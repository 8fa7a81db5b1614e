/** Element kinds to drag onto the canvas (or click to add at the centre of the view). */
import { useMemo, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PlaceableKind } from '../../../shared/model/kinds/index.js';
import { KindIcon } from '../chrome/KindIcon.js';
import { DRAG_MIME, dropKind, kindWord } from '../canvas/drop.js';
import { getFlow } from '../canvas/flow-controls.js';
import { useAppStore } from '../store/store.js';
import { NetworkList } from './NetworkList.js';
import { designPlatforms, paletteGroups } from './palette-kinds.js';

function onDragStart(event: DragEvent, kind: PlaceableKind) {
  event.dataTransfer.setData(DRAG_MIME, kind);
  event.dataTransfer.effectAllowed = 'copy';
}

/** A click adds the element in the free space nearest the centre of the view (inside the device there, if any), and pans to it when that is off screen. */
async function addAtCentre(kind: PlaceableKind) {
  const flow = getFlow();
  if (!flow) return;
  const box = document.querySelector('.react-flow')?.getBoundingClientRect();
  const centre = box
    ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
    : { x: 0, y: 0 };
  const id = await dropKind(kind, { x: Math.round(centre.x), y: Math.round(centre.y) }, flow.getNodes());
  if (!id || !box) return;
  requestAnimationFrame(() => {
    const node = flow.getInternalNode(id);
    if (!node) return;
    const at = node.internals.positionAbsolute;
    const size = { width: node.width ?? 0, height: node.height ?? 0 };
    const topLeft = flow.flowToScreenPosition(at);
    const bottomRight = flow.flowToScreenPosition({ x: at.x + size.width, y: at.y + size.height });
    const shown =
      topLeft.x >= box.left && topLeft.y >= box.top && bottomRight.x <= box.right && bottomRight.y <= box.bottom;
    if (!shown)
      void flow.setCenter(at.x + size.width / 2, at.y + size.height / 2, { zoom: flow.getZoom(), duration: 200 });
  });
}

export function Palette() {
  // Compared item by item, so that only a change of the platforms draws the palette again.
  const platforms = useAppStore(useShallow((s) => designPlatforms(s.design)));
  const groups = useMemo(() => paletteGroups(platforms), [platforms]);
  return (
    <aside className="sidebar palette" aria-label="Palette" data-testid="palette">
      {groups.map((group) => (
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
                onClick={() => void addAtCentre(kind)}
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
