/**
 * Dropping a palette item on the canvas. Hosts and switches land in the free
 * space nearest to where they are dropped; an element lands in the free spot
 * nearest the pointer inside the host or switch under it, or, when dropped on
 * empty canvas, in a host or switch the person picks (or a new one created there).
 * A host whose platform does not have the kind (a vSwitch on Proxmox VE) is
 * refused with the reason, and not offered in the pick.
 */
import {
  ADD_DEVICE,
  addHostElement,
  addSwitchElement,
  EditRefused,
  isHostElementKind,
  isSwitchElementKind,
} from '../../../shared/edit/create.js';
import { FRAME_PADDING, NODE_SIZE, type NodeKind } from '../../../shared/layout/sizes.js';
import {
  elementsIn,
  kindEntry,
  KINDS,
  kindTitle,
  type FrameKind,
  type PlaceableKind,
} from '../../../shared/model/kinds/index.js';
import { PLATFORM_REGISTRY } from '../../../shared/platforms/index.js';
import { PLATFORMS, type Design, type Position } from '../../../shared/model/schema.js';
import { platformHasKind } from '../../../shared/targets/index.js';
import { askChoice } from '../chrome/dialogs.js';
import { useAppStore } from '../store/store.js';
import type { AppNode } from './flow-types.js';
import { elementSpot, frameSpot } from './placement.js';

export const DRAG_MIME = 'application/x-netloom-kind';

const NEW_DEVICE = '__new__';

/** The host or switch frame under a flow position. */
export function deviceAt(nodes: readonly AppNode[], at: Position, type: FrameKind): AppNode | undefined {
  return nodes.find(
    (n) =>
      n.type === type &&
      at.x >= n.position.x &&
      at.y >= n.position.y &&
      at.x <= n.position.x + (n.width ?? 0) &&
      at.y <= n.position.y + (n.height ?? 0),
  );
}

const isFrame = (kind: PlaceableKind): kind is FrameKind => kindEntry(kind).frame === true;

/** Why host `deviceId` cannot hold a `kind` (its platform does not have it); undefined when it can, or is no host. */
function platformRefusal(design: Design, deviceId: string, kind: PlaceableKind): string | undefined {
  const host = design.hosts.find((h) => h.id === deviceId);
  if (!host || platformHasKind(host.platform, kind)) return undefined;
  const on = PLATFORMS.filter((p) => platformHasKind(p, kind)).map((p) => PLATFORM_REGISTRY[p].label);
  return `Not on ${host.name}: ${PLATFORM_REGISTRY[host.platform].label} hosts have no ${kindWord(kind)} (${on.join(', ')} hosts do)`;
}

function centred(kind: NodeKind, at: Position): Position {
  const size = NODE_SIZE[kind];
  return { x: Math.round(at.x - size.width / 2), y: Math.round(at.y - size.height / 2) };
}

/** Places `kind` at flow position `at`; resolves to the new element's id, or null when cancelled. */
export async function dropKind(kind: PlaceableKind, at: Position, nodes: readonly AppNode[]): Promise<string | null> {
  const store = useAppStore.getState();
  if (isFrame(kind)) {
    let id = '';
    store.edit((d) => {
      const created = ADD_DEVICE[kind](d, frameSpot(nodes, at));
      id = created.id;
      return created.design;
    });
    store.select([id]);
    return id;
  }
  const deviceType = kindEntry(kind).owner as FrameKind;
  const under = deviceAt(nodes, at, deviceType);
  const refused = under && platformRefusal(store.design, under.id, kind);
  if (refused) {
    store.toast(refused, 'error');
    return null;
  }
  let deviceId: string | null = under?.id ?? null;
  let relative: Position | undefined = under
    ? elementSpot(nodes, under.id, kind, centred(kind, { x: at.x - under.position.x, y: at.y - under.position.y }))
    : undefined;
  if (!deviceId) {
    const design = store.design;
    const candidates = elementsIn(design, kindEntry(deviceType))
      .filter((d) => !platformRefusal(design, d.id, kind))
      .map((d) => ({ value: d.id, label: kindTitle(deviceType, d) }));
    const choice =
      candidates.length === 0
        ? NEW_DEVICE
        : await askChoice({
            title: `Which ${deviceType} gets the new ${kindWord(kind)}?`,
            message: `A ${kindWord(kind)} belongs to a ${deviceType}. Drop it inside one, or pick one here.`,
            choices: [
              ...candidates,
              {
                value: NEW_DEVICE,
                label: `New ${deviceType} here`,
                detail: `Creates a ${deviceType} where you dropped`,
              },
            ],
          });
    if (choice === null) return null;
    deviceId = choice;
    relative = undefined;
  }
  const createDevice = deviceId === NEW_DEVICE;
  try {
    let id = '';
    useAppStore.getState().edit((before: Design) => {
      let d = before;
      let target = deviceId!;
      let place = relative;
      if (createDevice) {
        const device = ADD_DEVICE[deviceType](d, frameSpot(nodes, at));
        d = device.design;
        target = device.id;
        place = { x: FRAME_PADDING.left, y: FRAME_PADDING.top };
      }
      const created = isSwitchElementKind(kind)
        ? addSwitchElement(d, target, kind, place)
        : isHostElementKind(kind)
          ? addHostElement(d, target, kind, place)
          : undefined;
      if (!created) return before;
      id = created.id;
      return created.design;
    });
    useAppStore.getState().select([id]);
    return id;
  } catch (e) {
    if (e instanceof EditRefused) {
      useAppStore.getState().toast(e.message, 'error');
      return null;
    }
    throw e;
  }
}

export function kindWord(kind: PlaceableKind): string {
  return KINDS[kind].label;
}
