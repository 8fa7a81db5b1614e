/**
 * An ESXi host is export only: deploy plans leave it out (or refuse it when
 * named) and live status reports it unknown, both with the reason, and
 * neither opens a connection to it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planDeploy } from '../../../electron/engine/deploy/plan.js';
import { DRIVERS } from '../../../electron/engine/deploy/drivers/index.js';
import { StatusService } from '../../../electron/engine/status/status-service.js';
import { parseDesign } from '../../../shared/load/index.js';
import type { HostStatusUpdate } from '../../../shared/status/live.js';
import { ROOT } from '../../helpers/cli.js';
import { fakeConnector } from './status/fake-session.js';

function nestedEsxi() {
  const json = JSON.parse(readFileSync(`${ROOT}shared/examples/nested-esxi.netloom.json`, 'utf8'));
  json.hosts[0].ssh = { address: '10.0.10.11', port: 22, user: 'root' };
  const result = parseDesign(JSON.stringify(json));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.design;
}

const REASON = 'is a VMware ESXi host: export only (review and run its scripts yourself)';

describe('export-only platforms', () => {
  it('leave an ESXi host out of a deploy of every host, and refuse one named', () => {
    const design = nestedEsxi();
    expect(planDeploy(design, [], DRIVERS)).toEqual({
      devices: [],
      skipped: [
        { host: 'esx01', reason: REASON },
        // Switches are deployed too now; this one has no SSH target.
        { host: 'sw1', reason: 'has no SSH target (set address, port and user in the inspector)' },
      ],
      problems: [],
      groups: [],
    });
    expect(planDeploy(design, ['esx01'], DRIVERS).problems).toEqual([`host "esx01" ${REASON}`]);
  });

  it('report an ESXi host unknown to live status, without connecting', async () => {
    const updates: HostStatusUpdate[] = [];
    const fake = fakeConnector({});
    const service = new StatusService(fake.connector, (u) => updates.push(u));
    const design = nestedEsxi();
    await service.start(design, { intervalMs: 200 });
    expect(service.running).toBe(false);
    expect(fake.connects).toEqual([]);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ host: 'esx01', reachable: false });
    expect(updates[0]!.elements['esx01-vmnic0']).toMatchObject({ health: 'unknown', reasons: [`esx01 ${REASON}`] });
    await service.stop();
  });
});
