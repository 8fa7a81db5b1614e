/**
 * Live status in the designer. The "Live status" action starts or stops
 * reading the design's hosts (and the switches the backend has a target for) over SSH; every
 * `didChangeStatus` event writes that device's elements into the store's `live`
 * slice, which the canvas colours and the inspector shows (never recorded in
 * history, never saved). While it runs, edits of the design's hosts, switches and cables
 * are sent again so health and drift follow the design; turning it off clears
 * the colours.
 */
import type { LiveStatusSettings } from '../../../shared/api.js';
import { hostInterfaces } from '../../../shared/model/kinds/index.js';
import type { Design } from '../../../shared/model/schema.js';
import type { HostStatusUpdate } from '../../../shared/status/live.js';
import { api } from '../api/client.js';
import { askText } from '../chrome/dialogs.js';
import { useAppStore } from '../store/store.js';
import { saveBondingDir, useLiveStatus } from './live-view.js';

/** How long edits settle before the design is sent again. */
const RESEND_MS = 500;

const settings = (): LiveStatusSettings => {
  const { bondingDir } = useLiveStatus.getState();
  return bondingDir ? { bondingDir } : {};
};

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function applyUpdate(update: HostStatusUpdate): void {
  if (!useLiveStatus.getState().on) return;
  const { live, replaceLive } = useAppStore.getState();
  replaceLive({ ...live, ...update.elements });
}

/** Drops live entries of elements the design no longer has. */
function pruneLive(design: Design): void {
  const ids = new Set<string>([
    ...design.hosts.flatMap((h) => [h.id, ...hostInterfaces(h).map((i) => i.id)]),
    ...design.switches.flatMap((s) => [s.id, ...s.ports.map((p) => p.id), ...s.portChannels.map((pc) => pc.id)]),
    ...design.cables.map((c) => c.id),
  ]);
  const { live, replaceLive } = useAppStore.getState();
  if (Object.keys(live).some((id) => !ids.has(id)))
    replaceLive(Object.fromEntries(Object.entries(live).filter(([id]) => ids.has(id))));
}

let unsubscribeEvents: (() => void) | undefined;
let unwatchDesign: (() => void) | undefined;
let resendTimer: ReturnType<typeof setTimeout> | undefined;

async function send(design: Design): Promise<void> {
  try {
    await api.startStatus(design, settings());
  } catch (e) {
    useAppStore.getState().toast(`Live status could not start: ${message(e)}`, 'error');
    await stopLiveStatus();
  }
}

export async function startLiveStatus(): Promise<void> {
  if (useLiveStatus.getState().on) return;
  useLiveStatus.setState({ on: true });
  unsubscribeEvents = api.onDidChangeStatus(applyUpdate);
  unwatchDesign = useAppStore.subscribe((state, previous) => {
    const design = state.design;
    // Moving nodes changes only the layout: nothing to read differently.
    const { hosts, switches, cables } = previous.design;
    if (design.hosts === hosts && design.switches === switches && design.cables === cables) return;
    clearTimeout(resendTimer);
    resendTimer = setTimeout(() => {
      pruneLive(design);
      void send(design);
    }, RESEND_MS);
  });
  await send(useAppStore.getState().design);
}

export async function stopLiveStatus(): Promise<void> {
  if (!useLiveStatus.getState().on) return;
  useLiveStatus.setState({ on: false });
  clearTimeout(resendTimer);
  unsubscribeEvents?.();
  unwatchDesign?.();
  unsubscribeEvents = unwatchDesign = undefined;
  useAppStore.getState().replaceLive({});
  await api.stopStatus().catch(() => undefined);
}

export const toggleLiveStatus = () => (useLiveStatus.getState().on ? stopLiveStatus() : startLiveStatus());

/** Asks where the bonding files are read on each host (a saved copy, for instance); restarts a running session. */
export async function editLiveStatusSettings(): Promise<void> {
  const answer = await askText({
    title: 'Live status settings',
    message: 'Where each host’s bonding files are read. Leave empty for the kernel’s /proc/net/bonding.',
    label: 'Bonding directory',
    initial: useLiveStatus.getState().bondingDir,
    confirm: 'Apply',
  });
  if (answer === null) return;
  const bondingDir = answer.trim();
  if (bondingDir !== '' && !bondingDir.startsWith('/')) {
    useAppStore.getState().toast('The bonding directory must be an absolute path such as /proc/net/bonding', 'error');
    return;
  }
  saveBondingDir(bondingDir);
  if (useLiveStatus.getState().on) await send(useAppStore.getState().design);
}
