import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { StatusService } from '../../../../electron/engine/status/status-service.js';
import type { SwitchConnector } from '../../../../electron/engine/status/switch-session.js';
import { SshConnectionError } from '../../../../electron/engine/ssh/index.js';
import type { HostStatusUpdate } from '../../../../shared/status/live.js';
import { exampleDesign } from '../../../helpers/design.js';
import { readCorpus } from '../../../shared/status/corpus.js';
import { fakeConnector } from './fake-session.js';

const FAST = { intervalMs: 20, timeoutMs: 1_000, maxBackoffMs: 80 };
const N4032 = { address: '10.2.200.2', port: 22, user: 'admin' };
const STATUS = readCorpus('switch/dellemc.os6__fixtures_show_interfaces_status.os6.txt');
const CHANNELS = readFileSync(
  new URL('../../../shared/status/__fixtures__/os6-show-interfaces-port-channel.txt', import.meta.url),
  'utf8',
);

/** A switch connector whose sessions answer each show command from `answers`, recording connects and lines typed. */
function fakeSwitch(answers: Record<string, string>, connectError?: () => Error | undefined) {
  const lines: string[] = [];
  const connects: string[] = [];
  let closed = 0;
  const connector: SwitchConnector = async (target, vendor) => {
    connects.push(`${vendor} ${target.user}@${target.address}:${target.port}`);
    const error = connectError?.();
    if (error) throw error;
    return {
      send: async (line) => {
        lines.push(line);
        const answer = answers[line];
        if (answer === undefined) throw new Error(`no answer for ${line}`);
        return answer;
      },
      close: () => void closed++,
    };
  };
  return { connector, lines, connects, closed: () => closed };
}

/** The example design without host SSH targets, so only the switch is polled. */
function design() {
  const d = exampleDesign();
  return { ...d, hosts: d.hosts.map(({ ssh: _ssh, ...h }) => h) };
}

let service: StatusService | undefined;
afterEach(async () => {
  await service?.stop();
  service = undefined;
});

function collect() {
  const updates: HostStatusUpdate[] = [];
  const listeners = new Set<() => void>();
  const onUpdate = (u: HostStatusUpdate) => {
    updates.push(u);
    for (const l of [...listeners]) l();
  };
  const waitFor = (predicate: (u: HostStatusUpdate) => boolean) =>
    new Promise<HostStatusUpdate>((resolve) => {
      const check = () => {
        const found = updates.find(predicate);
        if (found) {
          listeners.delete(check);
          resolve(found);
        }
      };
      listeners.add(check);
      check();
    });
  return { updates, onUpdate, waitFor };
}

describe('StatusService reading a switch', () => {
  it('types its vendor show commands each tick over one session, and reads no switch it has no target for', async () => {
    const fake = fakeSwitch({ 'show interfaces status': STATUS, 'show interfaces port-channel': CHANNELS });
    const { updates, onUpdate, waitFor } = collect();
    service = new StatusService(fakeConnector({}).connector, onUpdate, undefined, fake.connector);
    await service.start(design(), FAST, new Map([['n4032', N4032]]));
    await waitFor(() => updates.filter((u) => u.host === 'n4032').length >= 3);
    await service.stop();
    expect(fake.connects).toEqual(['dell-os6 admin@10.2.200.2:22']);
    expect(new Set(fake.lines)).toEqual(new Set(['show interfaces status', 'show interfaces port-channel']));
    expect(fake.closed()).toBe(1);
    const read = updates.find((u) => u.host === 'n4032')!;
    expect(read.reachable).toBe(true);
    // The corpus switch has no port-channel 8: the design's Po8 is down, with drift.
    expect(read.elements['n4032-po8']).toMatchObject({ health: 'down', drift: ['Po8 is missing on the switch'] });

    const none = fakeSwitch({});
    service = new StatusService(fakeConnector({}).connector, onUpdate, undefined, none.connector);
    await service.start(design(), FAST);
    await service.stop();
    expect(none.connects).toEqual([]);
  });

  it('makes a switch whose output cannot be read unknown, naming the command and line', async () => {
    const fake = fakeSwitch({
      'show interfaces status': STATUS,
      'show interfaces port-channel': 'Channel Ports\n---- ----\n',
    });
    const { onUpdate, waitFor } = collect();
    service = new StatusService(fakeConnector({}).connector, onUpdate, undefined, fake.connector);
    await service.start(design(), FAST, new Map([['n4032', N4032]]));
    const update = await waitFor((u) => u.host === 'n4032');
    expect(update.elements['n4032-po8']).toMatchObject({
      health: 'unknown',
      reasons: [expect.stringMatching(/^cannot read the status of n4032: show interfaces port-channel line 2: /)],
    });
  });

  it('marks a switch that does not answer unreachable, backs off, and recovers', async () => {
    let failing = true;
    const fake = fakeSwitch({ 'show interfaces status': STATUS, 'show interfaces port-channel': CHANNELS }, () =>
      failing ? new SshConnectionError('10.2.200.2:22 refused the connection', '10.2.200.2:22') : undefined,
    );
    const { onUpdate, waitFor } = collect();
    service = new StatusService(fakeConnector({}).connector, onUpdate, undefined, fake.connector);
    await service.start(design(), FAST, new Map([['n4032', N4032]]));
    const gone = await waitFor((u) => u.host === 'n4032' && !u.reachable);
    expect(gone.elements['n4032-te1-0-17']).toEqual({
      health: 'unreachable',
      reasons: ['n4032 does not answer: 10.2.200.2:22 refused the connection'],
      readAt: gone.readAt,
    });
    failing = false;
    await waitFor((u) => u.host === 'n4032' && u.reachable);
  });
});
