/**
 * The status poller against real sshd hosts of the test bed: a data cable
 * pulled shows as a red port (and cable) within two intervals and green
 * again after it is replugged; bonds are read from saved bonding texts on the
 * host through the bonding-directory setting; a host whose management cable
 * is pulled becomes unreachable and comes back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sshConnector } from '../../../electron/engine/status/ssh-connector.js';
import { StatusService } from '../../../electron/engine/status/status-service.js';
import type { Design } from '../../../shared/model/index.js';
import { createBed, type Bed } from '../../helpers/bed.js';
import { BONDING_DIR, bondingText, saveBondingText, statusDesign, statusEvents } from './bed-status.js';

const INTERVAL_MS = 1_000;

describe('status poller on the test bed', () => {
  let bed: Bed;
  let design: Design;
  let service: StatusService;
  const status = statusEvents();

  beforeAll(async () => {
    bed = await createBed(2, { prefix: 'nlstp' });
    await saveBondingText(bed.hosts[0]!, bondingText());
    design = statusDesign(bed);
    service = new StatusService(
      sshConnector({ identityFile: bed.identityFile, knownHostsFile: bed.knownHostsFile }),
      status.onUpdate,
    );
    await service.start(design, {
      intervalMs: INTERVAL_MS,
      timeoutMs: 2_000,
      maxBackoffMs: 2_000,
      bondingDir: BONDING_DIR,
    });
  });
  afterAll(async () => {
    await service?.stop();
    await bed?.destroy();
  });

  it('reads every host: ports up, the bond from its saved text, no drift', async () => {
    const first = await status.next((u) => u.host === 'h1' && u.reachable);
    const e = first.update.elements;
    expect(e['h1-eth0']).toMatchObject({ health: 'ok', reasons: [] });
    expect(e['h1-eth0']!.drift).toBeUndefined();
    expect(e['h1-eth0']!.facts).toMatchObject({ operstate: 'UP', carrier: true });
    expect(e['h1-eth1']).toMatchObject({
      health: 'ok',
      facts: {
        bond: 'bond0',
        aggregator: 1,
        'actor state': '63: active, short timeout, aggregating, in sync, collecting, distributing',
      },
    });
    expect(e['h1-bond0']).toMatchObject({
      health: 'ok',
      facts: { source: `${BONDING_DIR}/bond0`, mode: '802.3ad', 'members up': '1 of 1' },
    });
    expect(e['cable-h1']!.health).toBe('ok');
    await status.next((u) => u.host === 'h2' && u.elements['h2-eth1']?.health === 'ok');
  });

  it('turns the port and its cable red within two intervals of a data cable cut, and green after the heal', async () => {
    await status.next((u) => u.host === 'h2' && u.elements['h2-eth1']?.health === 'ok');
    const cutAt = Date.now();
    await bed.cutData(2);
    const red = await status.next((u) => u.host === 'h2' && u.elements['h2-eth1']?.health === 'down', { after: cutAt });
    expect(red.at - cutAt).toBeLessThanOrEqual(2 * INTERVAL_MS);
    expect(red.update.elements['h2-eth1']!.reasons[0]).toMatch(/^eth1 has no carrier/);
    expect(red.update.elements['cable-h2']!.health).toBe('down');
    expect(red.update.elements['h2-eth0']!.health).toBe('ok');

    const healAt = Date.now();
    await bed.healData(2);
    const green = await status.next((u) => u.host === 'h2' && u.elements['h2-eth1']?.health === 'ok', {
      after: healAt,
    });
    expect(green.at - healAt).toBeLessThanOrEqual(2 * INTERVAL_MS);
    expect(green.update.elements['cable-h2']!.health).toBe('ok');
  });

  it('follows the saved bonding text: a defaulted partner makes the bond and its member amber', async () => {
    const changedAt = Date.now();
    await saveBondingText(
      bed.hosts[0]!,
      bondingText({ actorState: 79, partnerState: 1, partnerMac: '00:00:00:00:00:00' }),
    );
    const amber = await status.next((u) => u.host === 'h1' && u.elements['h1-bond0']?.health === 'degraded', {
      after: changedAt,
    });
    expect(amber.update.elements['h1-bond0']!.reasons).toContain(
      'eth1 partner is defaulted: no LACPDU received from the switch',
    );
    expect(amber.update.elements['h1-bond0']!.reasons).toContain(
      'bond0 partner MAC is 00:00:00:00:00:00: no LACP partner answers',
    );
    expect(amber.update.elements['h1-eth1']!.health).toBe('degraded');
    expect(amber.update.elements['h1-eth1']!.facts!['partner state']).toBe('1: active');

    await saveBondingText(bed.hosts[0]!, bondingText({ mii: 'down' }));
    const down = await status.next((u) => u.host === 'h1' && u.elements['h1-bond0']?.health === 'down', {
      after: changedAt,
    });
    expect(down.update.elements['h1-bond0']!.reasons[0]).toBe('bond0 MII status is down');

    await saveBondingText(bed.hosts[0]!, bondingText());
    await status.next((u) => u.host === 'h1' && u.elements['h1-bond0']?.health === 'ok', { after: Date.now() });
  });

  it('marks a host whose management cable is pulled unreachable with the reason, and reads it again after the heal', async () => {
    const cutAt = Date.now();
    await bed.cut(2);
    const lost = await status.next((u) => u.host === 'h2' && !u.reachable, { after: cutAt });
    expect(lost.update.elements['h2-eth1']!.health).toBe('unreachable');
    expect(lost.update.elements['h2-eth1']!.reasons[0]).toMatch(/^nlstp-2 does not answer: /);
    // Host 1 is not affected.
    await status.next((u) => u.host === 'h1' && u.reachable, { after: cutAt });

    const healAt = Date.now();
    await bed.heal(2);
    await status.next((u) => u.host === 'h2' && u.reachable && u.elements['h2-eth1']?.health === 'ok', {
      after: healAt,
      timeoutMs: 30_000,
    });
  });
});
