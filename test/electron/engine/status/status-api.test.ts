import { describe, expect, it } from 'vitest';
import { createDisposables } from '../../../../electron/engine/disposables.js';
import { createStatusApi } from '../../../../electron/engine/status/status-api.js';
import { API_INPUTS } from '../../../../shared/api-inputs.js';
import { createApiEmitter, type ApiEventName } from '../../../../shared/api-events.js';
import { exampleDesign } from '../../../helpers/design.js';
import { scriptOutput } from '../../../shared/status/fixtures.js';
import { fakeConnector } from './fake-session.js';

describe('createStatusApi', () => {
  it('publishes every read as a didChangeStatus event until stopped', async () => {
    const emitter = createApiEmitter();
    const events: { name: ApiEventName; payload: any }[] = [];
    emitter.subscribe((name, payload) => events.push({ name, payload }));
    const fake = fakeConnector({ '10.2.200.30': { answer: () => scriptOutput() } });
    const api = createStatusApi({ dataDir: '/nonexistent', emitter }, { connector: fake.connector });
    await api.startStatus(exampleDesign(), { intervalMs: 200, bondingDir: '/var/tmp/bonding' });
    await expect.poll(() => events.length).toBeGreaterThanOrEqual(2);
    await api.stopStatus();
    const count = events.length;
    expect(events[0]).toMatchObject({ name: 'didChangeStatus', payload: { host: 'ms01', reachable: true } });
    expect(events[0]!.payload.elements['ms01-bond0'].health).toBe('ok');
    await new Promise((r) => setTimeout(r, 300));
    expect(events.length).toBe(count);
  });

  it('stops polling when the backend is disposed', async () => {
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
    await expect.poll(() => events).toBeGreaterThanOrEqual(1);
    await disposables.dispose();
    const count = events;
    await new Promise((r) => setTimeout(r, 500));
    expect(events).toBe(count);
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
