import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoffMs } from '../../../../electron/engine/status/host-poller.js';
import { statusCommand } from '../../../../electron/engine/status/status-script.js';
import { StatusService } from '../../../../electron/engine/status/status-service.js';
import { HostKeyChangedError, SshConnectionError, SshTimeoutError } from '../../../../electron/engine/ssh/index.js';
import type { HostStatusUpdate } from '../../../../shared/status/live.js';
import { exampleDesign } from '../../../helpers/design.js';
import { lacpSlave, ms01Links, physical, scriptOutput } from '../../../shared/status/fixtures.js';
import { fakeConnector } from './fake-session.js';

const MS01 = '10.2.200.30';
const FAST = { intervalMs: 20, timeoutMs: 1_000, maxBackoffMs: 80 };

let service: StatusService | undefined;
afterEach(async () => {
  await service?.stop();
  service = undefined;
  vi.useRealTimers();
});

/** Updates as they come; `waitFor` resolves on the first update (already come or next) that matches. */
function collect() {
  const updates: HostStatusUpdate[] = [];
  const waiting = new Set<() => void>();
  const waitFor = (predicate: (u: HostStatusUpdate) => boolean) =>
    new Promise<HostStatusUpdate>((resolve) => {
      const check = () => {
        const found = updates.find(predicate);
        if (!found) return;
        waiting.delete(check);
        resolve(found);
      };
      waiting.add(check);
      check();
    });
  const onUpdate = (u: HostStatusUpdate) => {
    updates.push(u);
    for (const check of [...waiting]) check();
  };
  return { updates, onUpdate, waitFor };
}

describe('StatusService with a fake SSH session', () => {
  it('reads every tick over one persistent session, always with the same read-only command', async () => {
    const fake = fakeConnector({ [MS01]: { answer: () => scriptOutput() } });
    const { updates, onUpdate, waitFor } = collect();
    service = new StatusService(fake.connector, onUpdate);
    await service.start(exampleDesign(), { ...FAST, bondingDir: '/var/tmp/saved bonding' });
    await waitFor(() => updates.length >= 5);
    await service.stop();
    expect(fake.connects).toEqual([MS01]);
    expect(fake.commands.length).toBeGreaterThanOrEqual(5);
    expect(new Set(fake.commands)).toEqual(new Set([statusCommand('/var/tmp/saved bonding')]));
    expect(updates[0]).toMatchObject({ host: 'ms01', reachable: true });
    expect(updates[0]!.elements['ms01-bond0']!.health).toBe('ok');
    expect(fake.sessions.every((s) => s.closed)).toBe(true);
    // The output did not change, so the status is the same, read at a later time.
    const [a, b] = [updates[0]!, updates[4]!];
    expect(b.readAt > a.readAt).toBe(true);
    expect(b.elements['ms01-enp88s0']).toEqual({ ...a.elements['ms01-enp88s0'], readAt: b.readAt });
  });

  it('turns a port red on the tick after its carrier goes, and green again after', async () => {
    let cut = false;
    const down = ms01Links({
      enp91s0: physical('enp91s0', { up: false, master: 'bond0', slave: lacpSlave(1, 69, 1, 'DOWN') }),
    });
    const fake = fakeConnector({ [MS01]: { answer: () => scriptOutput(cut ? { links: down } : {}) } });
    const { updates, onUpdate, waitFor } = collect();
    service = new StatusService(fake.connector, onUpdate);
    await service.start(exampleDesign(), FAST);
    await waitFor(() => true);
    cut = true;
    const red = await waitFor((u) => u.elements['ms01-enp91s0']?.health === 'down');
    expect(red.elements['cable-enp91s0']!.health).toBe('down');
    cut = false;
    const after = updates.length;
    await waitFor((u) => updates.indexOf(u) >= after && u.elements['ms01-enp91s0']?.health === 'ok');
  });

  it('marks a host that does not answer unreachable with the reason, backs off, and recovers', async () => {
    const host = {
      answer: (): string | Error => scriptOutput(),
      connectError: new SshConnectionError('10.2.200.30:22 is unreachable (no route to host)', '10.2.200.30:22') as
        Error | undefined,
    };
    const fake = fakeConnector({ [MS01]: host });
    const { updates, onUpdate, waitFor } = collect();
    service = new StatusService(fake.connector, onUpdate);
    await service.start(exampleDesign(), FAST);
    const unreachable = await waitFor((u) => !u.reachable);
    expect(unreachable.elements['ms01-enp88s0']).toMatchObject({
      health: 'unreachable',
      reasons: ['ms01 does not answer: 10.2.200.30:22 is unreachable (no route to host)'],
    });
    expect(unreachable.elements['cable-enp88s0']!.health).toBe('unreachable');
    await waitFor(() => fake.connects.length >= 4);
    host.connectError = undefined;
    await waitFor((u) => u.reachable);
    expect(updates.filter((u) => !u.reachable).length).toBeGreaterThanOrEqual(4);
  });

  it('says a host "cannot be read" when it answers but refuses, such as a changed host key', async () => {
    const changed = new HostKeyChangedError(
      'WARNING: the ssh-ed25519 host key of 10.2.200.30:22 has CHANGED',
      '10.2.200.30:22',
      'ssh-ed25519',
      'SHA256:x',
      [],
    );
    const fake = fakeConnector({ [MS01]: { answer: () => scriptOutput(), connectError: changed } });
    const { onUpdate, waitFor } = collect();
    service = new StatusService(fake.connector, onUpdate);
    await service.start(exampleDesign(), FAST);
    const update = await waitFor(() => true);
    expect(update.elements.ms01).toMatchObject({
      health: 'unreachable',
      reasons: ['ms01 cannot be read: WARNING: the ssh-ed25519 host key of 10.2.200.30:22 has CHANGED'],
    });
  });

  it('drops a session whose command times out and connects afresh', async () => {
    let calls = 0;
    const fake = fakeConnector({
      [MS01]: {
        answer: () =>
          ++calls === 2
            ? new SshTimeoutError(
                'command on 10.2.200.30:22 did not finish within 1000 ms',
                '10.2.200.30:22',
                'exec',
                1000,
              )
            : scriptOutput(),
      },
    });
    const { updates, onUpdate, waitFor } = collect();
    service = new StatusService(fake.connector, onUpdate);
    await service.start(exampleDesign(), FAST);
    await waitFor(() => updates.length >= 3);
    expect(updates[1]!.reachable).toBe(false);
    expect(updates[1]!.elements.ms01!.reasons[0]).toMatch(/did not finish within 1000 ms/);
    expect(updates[2]!.reachable).toBe(true);
    expect(fake.connects).toHaveLength(2);
    expect(fake.sessions[0]!.closed).toBe(true);
  });

  it('reports a host whose output cannot be read as unknown, naming what failed', async () => {
    const fake = fakeConnector({ [MS01]: { answer: () => '@@netloom ip-link\nsh: ip: not found\n@@netloom end\n' } });
    const { onUpdate, waitFor } = collect();
    service = new StatusService(fake.connector, onUpdate);
    await service.start(exampleDesign(), FAST);
    const update = await waitFor(() => true);
    expect(update.reachable).toBe(true);
    expect(update.elements['ms01-bond0']!.health).toBe('unknown');
    expect(update.elements['ms01-bond0']!.reasons[0]).toMatch(
      /^cannot read the status of ms01: ip -j -d link show: not valid JSON/,
    );
  });

  it('reports hosts without an SSH target once as unknown and polls nothing', async () => {
    const design = exampleDesign();
    delete design.hosts[0]!.ssh;
    const fake = fakeConnector({});
    const { updates, onUpdate } = collect();
    service = new StatusService(fake.connector, onUpdate);
    await service.start(design, FAST);
    expect(service.running).toBe(false);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.elements['ms01-enp88s0']).toMatchObject({
      health: 'unknown',
      reasons: ['ms01 has no SSH target in the design'],
    });
    expect(fake.connects).toEqual([]);
  });

  it('judges reads against an edited design over the same session; a new SSH target reconnects', async () => {
    const fake = fakeConnector({
      [MS01]: { answer: () => scriptOutput() },
      '10.2.200.31': { answer: () => scriptOutput() },
    });
    const { updates, onUpdate, waitFor } = collect();
    service = new StatusService(fake.connector, onUpdate);
    const design = exampleDesign();
    await service.start(design, FAST);
    await waitFor((u) => u.elements['ms01-bond0']?.drift === undefined);

    const edited = exampleDesign();
    edited.hosts[0]!.bonds[0]!.mode = 'balance-rr';
    const before = updates.length;
    await service.start(edited, FAST);
    const drifted = await waitFor((u) => updates.indexOf(u) >= before && u.elements['ms01-bond0']?.drift !== undefined);
    expect(drifted.elements['ms01-bond0']!.drift).toEqual(['mode is 802.3ad; the design says balance-rr']);
    expect(fake.connects).toEqual([MS01]);

    const moved = exampleDesign();
    moved.hosts[0]!.ssh!.address = '10.2.200.31';
    await service.start(moved, FAST);
    await waitFor(() => fake.connects.length === 2);
    expect(fake.connects).toEqual([MS01, '10.2.200.31']);
    expect(fake.sessions[0]!.closed).toBe(true);
  });

  it('stops: no update after stop resolves', async () => {
    vi.useFakeTimers();
    const fake = fakeConnector({ [MS01]: { answer: () => scriptOutput() } });
    const { updates, onUpdate } = collect();
    service = new StatusService(fake.connector, onUpdate);
    await service.start(exampleDesign(), FAST);
    await vi.advanceTimersByTimeAsync(FAST.intervalMs);
    expect(updates).toHaveLength(2);
    await service.stop();
    // No tick is left scheduled, and fifty intervals of virtual time later nothing more has come.
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(50 * FAST.intervalMs);
    expect(updates).toHaveLength(2);
    expect(fake.commands).toHaveLength(2);
    expect(fake.sessions.every((s) => s.closed)).toBe(true);
  });
});

describe('backoffMs', () => {
  it('doubles from the interval up to the cap while a host does not answer', () => {
    const timing = { intervalMs: 2_000, timeoutMs: 5_000, maxBackoffMs: 30_000 };
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => backoffMs(timing, n))).toEqual([
      2_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ]);
  });
});
