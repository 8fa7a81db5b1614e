import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostStatusUpdate } from '../../../shared/status/live.js';
import { exampleDesign } from '../../helpers/design.js';

type Listener = (update: HostStatusUpdate) => void;
const fake = vi.hoisted(() => ({
  listeners: new Set<(update: any) => void>(),
  startStatus: vi.fn(async (_design: unknown, _settings: unknown) => undefined),
  stopStatus: vi.fn(async () => undefined),
}));

vi.mock('../../../renderer/src/api/client.js', () => ({
  api: {
    startStatus: fake.startStatus,
    stopStatus: fake.stopStatus,
    onDidChangeStatus: (listener: Listener) => {
      fake.listeners.add(listener);
      return () => fake.listeners.delete(listener);
    },
  },
}));

const { startLiveStatus, stopLiveStatus } = await import('../../../renderer/src/live/live-status.js');
const { useLiveStatus } = await import('../../../renderer/src/live/live-view.js');
const { emptyDesign, history, useAppStore } = await import('../../../renderer/src/store/store.js');

const state = () => useAppStore.getState();
const emit = (update: HostStatusUpdate) => fake.listeners.forEach((l) => l(update));
const READ_AT = '2026-11-23T09:00:00.000Z';
const update = (elements: HostStatusUpdate['elements']): HostStatusUpdate => ({
  host: 'ms01',
  reachable: true,
  readAt: READ_AT,
  elements,
});

beforeEach(() => {
  state().load(exampleDesign(), null);
  fake.startStatus.mockClear();
  fake.stopStatus.mockClear();
});
afterEach(async () => {
  await stopLiveStatus();
  state().load(emptyDesign(), null);
});

describe('live status in the renderer', () => {
  it('starts reading the design and writes each host update into the live slice, outside history', async () => {
    await startLiveStatus();
    expect(useLiveStatus.getState().on).toBe(true);
    expect(fake.startStatus).toHaveBeenCalledWith(state().design, {});
    emit(
      update({
        'ms01-enp88s0': { health: 'down', reasons: ['enp88s0 has no carrier (operstate DOWN)'], readAt: READ_AT },
      }),
    );
    emit(update({ 'ms01-bond0': { health: 'degraded', reasons: ['enp88s0 MII status is down'], readAt: READ_AT } }));
    expect(state().live['ms01-enp88s0']!.health).toBe('down');
    expect(state().live['ms01-bond0']!.health).toBe('degraded');
    expect(history().pastStates).toHaveLength(0);
  });

  it('sends an edited design again, once edits settle, and drops entries of removed elements', async () => {
    vi.useFakeTimers();
    try {
      await startLiveStatus();
      emit(
        update({
          'ms01-enp88s0': { health: 'ok', reasons: [], readAt: READ_AT },
          'ms01-bond1': { health: 'ok', reasons: [], readAt: READ_AT },
        }),
      );
      state().edit((d) => ({
        ...d,
        hosts: d.hosts.map((h) => ({ ...h, bonds: h.bonds.filter((b) => b.id !== 'ms01-bond1') })),
      }));
      state().edit((d) => ({ ...d, name: `${d.name} (edited)`, hosts: [...d.hosts] }));
      expect(fake.startStatus).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(600);
      expect(fake.startStatus).toHaveBeenCalledTimes(2);
      expect(fake.startStatus.mock.calls[1]![0]).toBe(state().design);
      expect(Object.keys(state().live)).toEqual(['ms01-enp88s0']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not resend when only the layout changes', async () => {
    vi.useFakeTimers();
    try {
      await startLiveStatus();
      state().edit((d) => ({ ...d, layout: { ...d.layout, ms01: { x: 10, y: 10 } } }));
      await vi.advanceTimersByTimeAsync(600);
      expect(fake.startStatus).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops: clears the colours, tells the backend, and ignores late events', async () => {
    await startLiveStatus();
    emit(update({ 'ms01-enp88s0': { health: 'ok', reasons: [], readAt: READ_AT } }));
    await stopLiveStatus();
    expect(fake.stopStatus).toHaveBeenCalledTimes(1);
    expect(state().live).toEqual({});
    emit(update({ 'ms01-enp88s0': { health: 'ok', reasons: [], readAt: READ_AT } }));
    expect(state().live).toEqual({});
    expect(useLiveStatus.getState().on).toBe(false);
  });

  it('turns itself off with a message when the backend refuses to start', async () => {
    fake.startStatus.mockRejectedValueOnce(new Error('the bonding directory must be an absolute path on one line'));
    await startLiveStatus();
    expect(useLiveStatus.getState().on).toBe(false);
    expect(state().toasts.at(-1)).toMatchObject({
      tone: 'error',
      text: 'Live status could not start: the bonding directory must be an absolute path on one line',
    });
  });
});
