/**
 * Fault campaign: many deploys on the test bed, each with one of nine faults
 * (the cases of `test/system/deploy/faults.test.ts` and `cli.test.ts`, plus a
 * healthy control), in random order, with random confirm windows, MTUs and
 * delays, one worker per bed host so hosts deploy side by side. After every
 * run: the host must be reachable, its file must be the file before (refused
 * or rolled back) or the candidate (confirmed), and no deploy state may be
 * left behind. Prints one row per fault kind; a rollback of a host whose
 * config was healthy counts as spurious and is listed with its reason.
 * Needs root.
 *
 *   npx tsx test/bench/faults.ts [runs=200] [hosts=6] [seed]
 */
import { readFile } from 'node:fs/promises';
import { DebianDriver } from '../../electron/engine/deploy/drivers/debian-driver.js';
import { DeployRun } from '../../electron/engine/deploy/deploy-run.js';
import type { DevicePlan } from '../../electron/engine/deploy/plan.js';
import type { SessionOpener } from '../../electron/engine/deploy/session.js';
import { describeOutcome, type HostOutcome } from '../../shared/deploy/outcome.js';
import { createBed, type Bed, type BedHost } from '../helpers/bed.js';
import { bedDesign, type PortTweak } from '../system/deploy/bed-design.js';
import { bedOpener, leftovers, plansOf, reachable, tempDataDir } from '../system/deploy/deploy-helpers.js';

const RUNS = Number(process.argv[2] ?? 200);
const HOSTS = Number(process.argv[3] ?? 6);
let seed = Number(process.argv[4] ?? Date.now() % 2 ** 31);
const SEED = seed;

/** A small seeded generator (mulberry32), so a campaign can be run again as it was. */
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Fault =
  | 'healthy'
  | 'lost-mgmt'
  | 'cut-during-upload'
  | 'check-rejects'
  | 'apply-error'
  | 'health-fails'
  | 'no-atd'
  | 'deployer-killed'
  | 'cut-after-apply';
const FAULTS: readonly Fault[] = [
  'healthy',
  'lost-mgmt',
  'cut-during-upload',
  'check-rejects',
  'apply-error',
  'health-fails',
  'no-atd',
  'deployer-killed',
  'cut-after-apply',
];

/** Whether the config deployed is one the host runs well: a rollback of such a host is spurious. */
const HEALTHY_CONFIG: Record<Fault, boolean> = {
  healthy: true,
  'lost-mgmt': false,
  'cut-during-upload': true,
  'check-rejects': false,
  'apply-error': false,
  'health-fails': false,
  'no-atd': true,
  'deployer-killed': false,
  'cut-after-apply': true,
};

interface Row {
  runs: number;
  confirmed: number;
  rolledBack: number;
  refused: number;
  unreachable: number;
  configWrong: number;
  leftovers: number;
  spurious: number;
}
const rows = new Map<Fault, Row>(
  FAULTS.map((f) => [
    f,
    { runs: 0, confirmed: 0, rolledBack: 0, refused: 0, unreachable: 0, configWrong: 0, leftovers: 0, spurious: 0 },
  ]),
);
const notes: string[] = [];

let bed: Bed;
let dataDir: string;
/** The candidate of each host's latest deploy: a confirmed host must run exactly this file. */
const candidates = new Map<string, string>();

function planFor(host: BedHost, tweak: PortTweak): DevicePlan {
  return plansOf(bedDesign(bed, () => tweak, [host.index]))[0]!;
}

/** Runs one deploy of `plan` through prepare and apply, cutting the cable as the fault says. */
async function deployOnce(
  host: BedHost,
  plan: DevicePlan,
  window: number,
  opener: SessionOpener,
  onApplied?: () => void,
): Promise<HostOutcome> {
  candidates.set(host.name, plan.candidate.content);
  const run = new DeployRun([plan], {
    openSession: opener,
    onProgress: (e) => {
      if (e.host === host.name && e.step === 'apply' && e.state === 'done') onApplied?.();
    },
  });
  const [preparation] = await run.prepare();
  if (preparation?.state !== 'ready') return (await run.discard())[0]!.outcome;
  return (await run.apply({ revertIn: window }))[0]!.outcome;
}

/** One run of `fault` on `host`: what came out, and whether the host ran the candidate afterwards. */
async function runFault(host: BedHost, fault: Fault): Promise<HostOutcome> {
  const opener = bedOpener(bed, dataDir);
  const mtu = between(1300, 1499);
  const healthyWindow = between(20, 60);
  switch (fault) {
    case 'healthy':
      return deployOnce(host, planFor(host, { eth1: { mtu } }), healthyWindow, opener);
    case 'lost-mgmt':
      return deployOnce(
        host,
        planFor(host, {
          eth0: {
            inet: { method: 'static', addresses: [`${host.mgmtAddress.replace(/\.2$/, `.${between(100, 200)}`)}/24`] },
          },
        }),
        between(8, 14),
        opener,
      );
    case 'cut-during-upload': {
      const cutting: SessionOpener = async (target, options) => {
        const session = await opener(target, options);
        return {
          run: async (argv, runOptions) => {
            if (argv[3] === 'netloom-prepare') await bed.cut(host.index);
            return session.run(argv, runOptions);
          },
          close: () => session.close(),
        };
      };
      try {
        return await deployOnce(host, planFor(host, { eth1: { mtu } }), healthyWindow, cutting);
      } finally {
        await bed.heal(host.index);
      }
    }
    case 'check-rejects': {
      const plan = planFor(host, {});
      return deployOnce(
        host,
        {
          ...plan,
          candidate: {
            ...plan.candidate,
            content: plan.candidate.content.replace(
              'iface eth1 inet manual\n',
              `iface eth1 inet manual\n\tmtu ${between(70000, 90000)}\n`,
            ),
          },
        },
        healthyWindow,
        opener,
      );
    }
    case 'apply-error':
      return deployOnce(
        host,
        planFor(host, { vlans: [{ name: `eth1.${between(2, 4000)}`, vlan: 5 }] }),
        between(60, 120),
        opener,
      );
    case 'health-fails': {
      const design = bedDesign(bed, () => ({}), [host.index]);
      const [, eth1] = design.hosts[0]!.ports;
      design.hosts[0]!.ports.push({
        ...eth1!,
        id: `h${host.index}-eth7`,
        name: 'eth7',
        inet: { method: 'static', addresses: [`10.250.${host.index}.1/24`] },
      });
      return deployOnce(host, plansOf(design)[0]!, between(60, 120), opener);
    }
    case 'no-atd':
      await host.runOk('mv /run/atd.pid /run/atd.pid.off');
      try {
        return await deployOnce(host, planFor(host, { eth1: { mtu } }), healthyWindow, opener);
      } finally {
        await host.runOk('mv /run/atd.pid.off /run/atd.pid');
      }
    case 'deployer-killed': {
      // Applied and armed, then the deploying side disappears: the host must revert by itself.
      const plan = planFor(host, { eth1: { mtu } });
      const window = between(8, 14);
      candidates.set(host.name, plan.candidate.content);
      const driver = new DebianDriver({ target: plan.target, openSession: opener });
      await driver.loadCandidate(plan.candidate.content);
      const committed = await driver.commit({ revertIn: window });
      driver.close();
      if (committed.kind !== 'applied') return { kind: 'rolled-back', reason: `commit said ${committed.kind}` };
      const deadline = Date.now() + (window + 90) * 1000;
      while (Date.now() < deadline) {
        const last = (await host.run('cat /run/netloom.last')).stdout;
        if (
          /result=rolled-back/.test(last) &&
          /mode=timer/.test(last) &&
          (await host.run('test -e /run/netloom.lock')).code !== 0
        ) {
          return { kind: 'rolled-back', reason: 'reverted by itself' };
        }
        await pause(500);
      }
      return { kind: 'failed-before-change', reason: 'no revert seen' };
    }
    case 'cut-after-apply': {
      // The management cable is pulled as the apply ends and put back within a few seconds.
      const downMs = between(500, 4_000);
      let healed: Promise<void> = Promise.resolve();
      const outcome = await deployOnce(host, planFor(host, { eth1: { mtu } }), healthyWindow, opener, () => {
        healed = bed
          .cut(host.index)
          .then(() => pause(downMs))
          .then(() => bed.heal(host.index));
      });
      await healed;
      return outcome;
    }
  }
}

/** The host reachable again within a minute (a revert can still be under way). */
async function reachableSoon(host: BedHost): Promise<boolean> {
  for (let i = 0; i < 20; i++) {
    if (await reachable(bed, host, dataDir, 3_000)) return true;
    await pause(3_000);
  }
  return false;
}

async function worker(host: BedHost, queue: Fault[]): Promise<void> {
  for (let fault = queue.shift(); fault !== undefined; fault = queue.shift()) {
    await pause(between(0, 2_000));
    const before = await readFile(host.interfacesPath, 'utf8');
    const row = rows.get(fault)!;
    row.runs++;
    let outcome: HostOutcome;
    try {
      outcome = await runFault(host, fault);
    } catch (e) {
      outcome = { kind: 'failed-before-change', reason: `threw: ${(e as Error).message}` };
    }
    if (outcome.kind === 'confirmed') row.confirmed++;
    else if (outcome.kind === 'rolled-back') row.rolledBack++;
    else row.refused++;
    if (outcome.kind === 'rolled-back' && HEALTHY_CONFIG[fault]) {
      row.spurious++;
      notes.push(`${fault} on ${host.name}: ${describeOutcome(outcome)}`);
    }
    if (!(await reachableSoon(host))) {
      row.unreachable++;
      notes.push(`${fault} on ${host.name}: unreachable after the run`);
    }
    const after = await readFile(host.interfacesPath, 'utf8');
    const expected = outcome.kind === 'confirmed' ? candidates.get(host.name) : before;
    if (after !== expected) {
      row.configWrong++;
      notes.push(
        `${fault} on ${host.name}: ${describeOutcome(outcome)}, yet the file is neither ${outcome.kind === 'confirmed' ? 'the candidate' : 'the file before'}`,
      );
    }
    // A session cut mid-script is noticed by sshd (ClientAliveInterval) before the script cleans up.
    let left = await leftovers(host);
    for (let i = 0; i < 20 && left.length > 0; i++) {
      await pause(1_000);
      left = await leftovers(host);
    }
    if (left.length > 0) {
      row.leftovers++;
      notes.push(`${fault} on ${host.name}: left ${left.join(', ')}`);
      await host.run('rm -rf /run/netloom.lock /etc/network/.netloom*');
    }
    process.stderr.write(`${fault.padEnd(18)} ${host.name.padEnd(10)} ${describeOutcome(outcome)}\n`);
  }
}

async function main(): Promise<void> {
  bed = await createBed(HOSTS, { prefix: 'nlfault' });
  dataDir = await tempDataDir();
  const queue = Array.from({ length: RUNS }, (_, i) => FAULTS[i % FAULTS.length]!);
  for (let i = queue.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [queue[i], queue[j]] = [queue[j]!, queue[i]!];
  }
  const started = Date.now();
  try {
    await Promise.all(bed.hosts.map((host) => worker(host, queue)));
  } finally {
    await bed.destroy();
  }
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(`\n${RUNS} deploys on ${HOSTS} bed hosts in ${minutes} min (seed ${SEED})\n`);
  console.log(
    '| fault | runs | confirmed | rolled back | refused before change | unreachable after | config lost or differing | state left behind | spurious rollbacks |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [fault, r] of rows) {
    console.log(
      `| ${fault} | ${r.runs} | ${r.confirmed} | ${r.rolledBack} | ${r.refused} | ${r.unreachable} | ${r.configWrong} | ${r.leftovers} | ${r.spurious} |`,
    );
  }
  if (notes.length > 0) console.log(`\n${notes.join('\n')}`);
}

await main();
