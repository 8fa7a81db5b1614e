/**
 * Benchmark: live status of 20 test-bed hosts polled every second.
 * Prints the CPU the poller uses (process.cpuUsage over a steady window, as a
 * share of one core) and the latency from a data cable cut to the status
 * event that shows the port down (median, p95) over a bounded number of cuts.
 * Goal: under 5% of one core; p95 at or below 2 s.
 *
 *   npx tsx test/bench/status.ts [hosts=20] [cuts=20]
 *
 * Needs root (it builds the namespace test bed).
 */
import { sshConnector } from '../../electron/engine/status/ssh-connector.js';
import { StatusService } from '../../electron/engine/status/status-service.js';
import { createBed } from '../helpers/bed.js';
import { BONDING_DIR, bondingText, saveBondingText, statusDesign, statusEvents } from '../system/status/bed-status.js';

const HOSTS = Number(process.argv[2] ?? 20);
const CUTS = Number(process.argv[3] ?? 20);
const INTERVAL_MS = 1_000;
const STEADY_MS = 20_000;

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const bed = await createBed(HOSTS, { prefix: 'nlstb' });
  const status = statusEvents();
  const service = new StatusService(
    sshConnector({ identityFile: bed.identityFile, knownHostsFile: bed.knownHostsFile }),
    status.onUpdate,
  );
  try {
    await saveBondingText(bed.hosts[0]!, bondingText());
    const design = statusDesign(bed);
    const portOf = (k: number) => `h${k}-eth1`;
    await service.start(design, {
      intervalMs: INTERVAL_MS,
      timeoutMs: 3_000,
      maxBackoffMs: 5_000,
      bondingDir: BONDING_DIR,
    });
    for (const host of bed.hosts)
      await status.next((u) => u.host === `h${host.index}` && u.reachable, { timeoutMs: 30_000 });
    await sleep(2_000);

    const events = status.events.length;
    const cpu = process.cpuUsage();
    const started = performance.now();
    await sleep(STEADY_MS);
    const used = process.cpuUsage(cpu);
    const wallMs = performance.now() - started;
    const reads = status.events.length - events;
    const cpuShare = (used.user + used.system) / 1000 / wallMs;

    const latencies: number[] = [];
    for (let i = 0; i < CUTS; i++) {
      const k = (i % HOSTS) + 1;
      const host = `h${k}`;
      const cutAt = Date.now();
      await bed.cutData(k);
      const red = await status.next((u) => u.host === host && u.elements[portOf(k)]?.health === 'down', {
        after: cutAt,
        timeoutMs: 10_000,
      });
      latencies.push(red.at - cutAt);
      await bed.healData(k);
      await status.next((u) => u.host === host && u.elements[portOf(k)]?.health === 'ok', {
        after: Date.now(),
        timeoutMs: 10_000,
      });
      // Cut at a different phase of the poll cycle each time.
      await sleep(137 * (i % 7));
    }
    latencies.sort((a, b) => a - b);

    console.log(
      `status benchmark: ${HOSTS} bed hosts, interval ${INTERVAL_MS} ms, one SSH session and one command per host per read`,
    );
    console.log(
      `  reads in ${(wallMs / 1000).toFixed(1)} s steady window: ${reads} (${(reads / (wallMs / 1000)).toFixed(1)}/s)`,
    );
    console.log(
      `  poller CPU: ${(cpuShare * 100).toFixed(2)}% of one core (user ${(used.user / 1000).toFixed(0)} ms, system ${(used.system / 1000).toFixed(0)} ms)   goal < 5%`,
    );
    console.log(
      `  cut -> status event over ${latencies.length} cuts: median ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms, max ${latencies.at(-1)} ms   goal p95 <= 2000 ms`,
    );
    console.log(
      '  (latency measured from the start of `bed.sh cut-data`, so it includes the script that pulls the cable)',
    );
  } finally {
    await service.stop();
    await bed.destroy();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
