/**
 * What the palette offers: devices first, then one group per device kind with
 * the kinds it holds, in registry order. A host kind only some platforms have
 * (an ESXi vSwitch, a libvirt network) is offered when a host of the design is
 * on such a platform, or, with no host yet, when a new host's platform is.
 */
import { kindsOwnedBy, type KindEntry, type PlaceableKind } from '../../../shared/model/kinds/index.js';
import { Host, type Design, type PlatformId } from '../../../shared/model/schema.js';
import { platformHasKind } from '../../../shared/targets/index.js';

export interface PaletteItem {
  readonly kind: PlaceableKind;
  readonly hint: string;
}

export interface PaletteGroup {
  readonly title: string;
  readonly kinds: readonly PaletteItem[];
}

/** The platform a host dropped on the canvas gets. */
const NEW_HOST_PLATFORM: PlatformId = Host.shape.platform.parse(undefined);

/** The platforms of the design's hosts, each once, in the order first met (a new host's platform when there is none). */
export function designPlatforms(design: Design): PlatformId[] {
  const platforms = [...new Set(design.hosts.map((h) => h.platform))];
  return platforms.length > 0 ? platforms : [NEW_HOST_PLATFORM];
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const placeable = (kinds: readonly KindEntry[]): PaletteItem[] =>
  kinds.filter((k) => k.palette).map((k) => ({ kind: k.id as PlaceableKind, hint: k.palette!.hint }));

/** The palette's groups for a design whose hosts are on `platforms`. */
export function paletteGroups(platforms: readonly PlatformId[]): PaletteGroup[] {
  const frames = kindsOwnedBy('design').filter((k) => k.frame);
  const offered = (k: KindEntry) => k.owner !== 'host' || platforms.some((p) => platformHasKind(p, k.id));
  return [
    { title: 'Devices', kinds: placeable(frames) },
    ...frames.map((frame) => ({
      title: capitalised(frame.label),
      kinds: placeable(kindsOwnedBy(frame.id).filter(offered)),
    })),
  ];
}
