/**
 * Live status on the test bed: designs whose hosts are bed hosts (eth0
 * management, eth1 data), host 1 with a bond `bond0` over eth1 whose bonding
 * file is a saved text on the host (the bed's kernel has no bonding), and
 * helpers to write those texts and wait for status events.
 */
import { parseDesign } from '../../../shared/load/index.js';
import { type Design } from '../../../shared/model/index.js';
import type { HostStatusUpdate } from '../../../shared/status/live.js';
import type { Bed, BedHost } from '../../helpers/bed.js';
import { hostJson } from '../deploy/bed-design.js';

/** Where the bed hosts keep their saved bonding texts (the status setting points here). */
export const BONDING_DIR = '/var/tmp/netloom-bonding';

/** A current-kernel 802.3ad bonding file for bond0 over eth1, as FORMAT.md describes it. */
export function bondingText(
  options: { actorState?: number; partnerState?: number; partnerMac?: string; mii?: 'up' | 'down' } = {},
): string {
  const partnerMac = options.partnerMac ?? 'f8:b1:56:00:00:01';
  return [
    'Ethernet Channel Bonding Driver: v6.8.12-4-pve',
    '',
    'Bonding Mode: IEEE 802.3ad Dynamic link aggregation',
    'Transmit Hash Policy: layer3+4 (1)',
    `MII Status: ${options.mii ?? 'up'}`,
    'MII Polling Interval (ms): 100',
    'Up Delay (ms): 0',
    'Down Delay (ms): 0',
    'Peer Notification Delay (ms): 0',
    '',
    '802.3ad info',
    'LACP active: on',
    'LACP rate: fast',
    'Min links: 0',
    'Aggregator selection policy (ad_select): stable',
    'System priority: 65535',
    'System MAC address: 02:00:00:00:00:01',
    'Active Aggregator Info:',
    '\tAggregator ID: 1',
    '\tNumber of ports: 1',
    '\tActor Key: 9',
    '\tPartner Key: 1000',
    `\tPartner Mac Address: ${partnerMac}`,
    '',
    'Slave Interface: eth1',
    `MII Status: ${options.mii ?? 'up'}`,
    'Speed: 10000 Mbps',
    'Duplex: full',
    'Link Failure Count: 0',
    'Permanent HW addr: 02:00:00:00:00:01',
    'Slave queue ID: 0',
    'Aggregator ID: 1',
    'Actor Churn State: none',
    'Partner Churn State: none',
    'Actor Churned Count: 0',
    'Partner Churned Count: 0',
    'details actor lacp pdu:',
    '    system priority: 65535',
    '    system mac address: 02:00:00:00:00:01',
    '    port key: 9',
    '    port priority: 255',
    '    port number: 1',
    `    port state: ${options.actorState ?? 63}`,
    'details partner lacp pdu:',
    '    system priority: 32768',
    `    system mac address: ${partnerMac}`,
    '    oper key: 1000',
    '    port priority: 128',
    '    port number: 17',
    `    port state: ${options.partnerState ?? 63}`,
    '',
  ].join('\n');
}

/** Writes `/var/tmp/netloom-bonding/bond0` on the host (its own /var/tmp). */
export async function saveBondingText(host: BedHost, text: string): Promise<void> {
  await host.runOk(
    `mkdir -p ${BONDING_DIR} && cat > ${BONDING_DIR}/bond0.new && mv ${BONDING_DIR}/bond0.new ${BONDING_DIR}/bond0`,
    { input: text },
  );
}

/** The bed as a design: every host with its two ports; host 1 also with bond0 (802.3ad, fast) over eth1, and a cable on each eth1. */
export function statusDesign(bed: Bed, only?: readonly number[]): Design {
  const hosts = bed.hosts
    .filter((h) => !only || only.includes(h.index))
    .map((h) => {
      const json = hostJson(h);
      if (h.index === 1)
        json.bonds = [
          {
            id: 'h1-bond0',
            name: 'bond0',
            members: ['h1-eth1'],
            mode: '802.3ad',
            lacpRate: 'fast',
            xmitHashPolicy: 'layer3+4',
          },
        ];
      return json;
    });
  const sw = {
    id: 'sw',
    name: 'sw',
    vendor: 'dell-os6',
    ports: hosts.map((h) => ({ id: `sw-${h.id as string}`, name: `Tengigabitethernet1/0/${String(h.id).slice(1)}` })),
  };
  const cables = hosts.map((h) => ({
    id: `cable-${h.id as string}`,
    hostPort: `${h.id as string}-eth1`,
    switchPort: `sw-${h.id as string}`,
  }));
  const result = parseDesign(
    JSON.stringify({ format: 'netloom/1', name: `status ${bed.prefix}`, hosts, switches: [sw], cables }),
  );
  if (!result.ok) throw new Error(`status design does not load: ${JSON.stringify(result.problems)}`);
  return result.design;
}

/**
 * Collects status events; `next` resolves on the first event (already come or still to come)
 * that matches, and gives up after `timeoutMs` with the last event in the message.
 */
export function statusEvents() {
  const events: { at: number; update: HostStatusUpdate }[] = [];
  const waiting = new Set<() => void>();
  return {
    events,
    onUpdate: (update: HostStatusUpdate) => {
      events.push({ at: Date.now(), update });
      for (const check of [...waiting]) check();
    },
    next(predicate: (u: HostStatusUpdate) => boolean, options: { after?: number; timeoutMs?: number } = {}) {
      const after = options.after ?? 0;
      return new Promise<{ at: number; update: HostStatusUpdate }>((resolve, reject) => {
        const done = () => {
          waiting.delete(check);
          clearTimeout(timer);
        };
        const check = () => {
          const found = events.find((e) => e.at >= after && predicate(e.update));
          if (!found) return;
          done();
          resolve(found);
        };
        const timer = setTimeout(() => {
          done();
          const last = events.at(-1)?.update;
          reject(
            new Error(`no matching status event; last: ${JSON.stringify(last?.elements, null, 1)?.slice(0, 2000)}`),
          );
        }, options.timeoutMs ?? 20_000);
        waiting.add(check);
        check();
      });
    },
  };
}
