import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDisposables } from '../../../../electron/engine/disposables.js';
import { createStatusApi } from '../../../../electron/engine/status/status-api.js';
import { API_INPUTS } from '../../../../shared/api-inputs.js';
import { createApiEmitter, type ApiEventName } from '../../../../shared/api-events.js';
import { exampleDesign } from '../../../helpers/design.js';
import { scriptOutput } from '../../../shared/status/fixtures.js';
import { fakeConnector } from './fake-session.js';

// Virtual time: the ticks come when the test moves the clock, so "nothing after stop" is shown over
// many intervals without waiting for them.
afterEach(() => void vi.useRealTimers());

describe('createStatusApi', () => {
  it('publishes every read as a didChangeStatus event until stopped', async () => {
    vi.useFakeTimers();
    const emitter = createApiEmitter();
    const events: { name: ApiEventName; payload: any }[] = [];
    emitter.subscribe((name, payload) => events.push({ name, payload }));
    const fake = fakeConnector({ '10.2.200.30': { answer: () => scriptOutput() } });
    const api = createStatusApi({ dataDir: '/nonexistent', emitter }, { connector: fake.connector });
    await api.startStatus(exampleDesign(), { intervalMs: 200, bondingDir: '/var/tmp/bonding' });
    await vi.advanceTimersByTimeAsync(200);
    expect(events.map((e) => e.name)).toEqual(['didChangeStatus', 'didChangeStatus']);
    await api.stopStatus();
    expect(events[0]).toMatchObject({ name: 'didChangeStatus', payload: { host: 'ms01', reachable: true } });
    expect(events[0]!.payload.elements['ms01-bond0'].health).toBe('ok');
    // No tick is left scheduled, and ten intervals later nothing more has come.
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(events).toHaveLength(2);
    expect(fake.commands).toHaveLength(2);
  });

  it('stops polling when the backend is disposed', async () => {
    vi.useFakeTimers();
    const emitter = createApiEmitter();
    let events = 0;
    emitter.subscribe(() => events++);
    const disposables = createDisposables();
    const fake = fakeConnector({ '10.2.200.30': { answer: () => scriptOutput() } });
    const api = createStatusApi(
      { dataDir: '/nonexistent', emitter, onDispose: disposables.onDispose },
      { connector: fake.connector },
    );
    await api.startStatus(exampleDesign(), { intervalMs: 200, bondingDir: '/var/tmp/bonding' });
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toBe(1);
    await disposables.dispose();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(events).toBe(1);
    expect(fake.sessions.every((s) => s.closed)).toBe(true);
  });

  it('validates its inputs at the transport', () => {
    const design = exampleDesign();
    expect(API_INPUTS.startStatus.safeParse([design, {}]).success).toBe(true);
    expect(API_INPUTS.startStatus.safeParse([design, { intervalMs: 50 }]).error?.issues[0]?.message).toBe(
      'the status interval must be at least 200 ms',
    );
    expect(API_INPUTS.startStatus.safeParse([design, { bondingDir: 'relative/dir' }]).success).toBe(false);
    expect(API_INPUTS.startStatus.safeParse([design, { bondingDir: '/x\n; reboot' }]).success).toBe(false);
    expect(API_INPUTS.startStatus.safeParse([design, { command: 'reboot' }]).success).toBe(false);
  });
});
