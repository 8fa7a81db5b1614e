import { describe, expect, it } from 'vitest';
import { sh } from '../../../../electron/engine/ssh/index.js';
import type { StatusReader } from '../../../../electron/engine/status/readers.js';
import { StatusService } from '../../../../electron/engine/status/status-service.js';
import type { HostStatusUpdate } from '../../../../shared/status/live.js';
import { exampleDesign } from '../../../helpers/design.js';
import { fakeConnector } from './fake-session.js';

describe('StatusService readers', () => {
  it("reads each host with the reader its platform names: that reader's command, that reader's verdict", async () => {
    const fake = fakeConnector({ '10.2.200.30': { answer: () => 'all fine\n' } });
    const reader: StatusReader = {
      command: (bondingDir) => sh(['cat', bondingDir]),
      judge: (_design, host, output, readAt) => ({
        [host.id]: { health: 'ok', reasons: [output.stdout.trim()], readAt },
      }),
    };
    const first = new Promise<HostStatusUpdate>((resolve) => {
      const service = new StatusService(
        fake.connector,
        (update) => {
          void service.stop();
          resolve(update);
        },
        { linux: reader },
      );
      void service.start(exampleDesign(), { intervalMs: 60_000, bondingDir: '/x' });
    });
    const update = await first;
    expect(fake.commands[0]).toBe(sh(['cat', '/x']));
    expect(update).toMatchObject({
      host: 'ms01',
      reachable: true,
      elements: { ms01: { health: 'ok', reasons: ['all fine'] } },
    });
  });
});
