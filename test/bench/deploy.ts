/**
 * Benchmark: `netloom deploy` of a harmless change (eth1 MTU, toggled each round so every round
 * changes something) to 1, 5, 10 and 20 test-bed hosts, against the bare floor measured in the
 * same run: per host, two plain `ssh` (OpenSSH client) connections in parallel over all hosts —
 * the first reads the file, uploads the candidate, checks it with `ifup -a -s`, backs up, arms an
 * `at` job, installs and runs `ifreload -a`; the second runs `ifquery -a -c` and removes the job.
 * Needs root. Run: `npx tsx test/bench/deploy.ts`. Goal: Netloom at or below 1.5x the floor.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeployRun } from '../../electron/engine/deploy/deploy-run.js';
import { describeOutcome } from '../../shared/deploy/outcome.js';
import { saveLocalBackup } from '../../electron/engine/deploy/local-backups.js';
import { DRIVERS } from '../../electron/engine/deploy/drivers/index.js';
import { planDeploy, type DevicePlan } from '../../electron/engine/deploy/plan.js';
import { sshSessionOpener } from '../../electron/engine/deploy/ssh-session.js';
import { createBed, type Bed, type BedHost } from '../helpers/bed.js';
import { bedDesign } from '../system/deploy/bed-design.js';

const SIZES = [1, 5, 10, 20] as const;
const ROUNDS = 3;

const FLOOR_APPLY = `set -e
f=/etc/network/interfaces t=/etc/network/.interfaces.floor
cat "$f" > /dev/null
cat > "$t"
ifup -a -s -i "$t"
mkdir -p /var/backups/floor
cp "$f" "/var/backups/floor/interfaces.$(date +%s%N)"
echo true | at now + 1 minutes 2> /dev/null
mv "$t" "$f"
ifreload -a`;
const FLOOR_CONFIRM = `ifquery -a -c > /dev/null && for j in $(atq | cut -f1); do atrm "$j"; done`;

function ssh(bed: Bed, host: BedHost, script: string, input: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'ssh',
      [
        '-i',
        bed.identityFile,
        '-o',
        `UserKnownHostsFile=${bed.knownHostsFile}`,
        '-o',
        'StrictHostKeyChecking=yes',
        '-o',
        'BatchMode=yes',
        `root@${host.mgmtAddress}`,
        script,
      ],
      (error) => (error ? reject(error) : resolve()),
    );
    child.stdin?.end(input);
  });
}

async function floor(bed: Bed, hosts: readonly BedHost[], plans: readonly DevicePlan[]): Promise<number> {
  const started = performance.now();
  await Promise.all(
    hosts.map(async (host, i) => {
      await ssh(bed, host, FLOOR_APPLY, plans[i]!.candidate.content);
      await ssh(bed, host, FLOOR_CONFIRM, '');
    }),
  );
  return performance.now() - started;
}

async function netloom(bed: Bed, plans: readonly DevicePlan[], dataDir: string): Promise<number> {
  const started = performance.now();
  const run = new DeployRun(plans, {
    openSession: sshSessionOpener({ identityFile: bed.identityFile, knownHostsFiles: [bed.knownHostsFile], dataDir }),
    saveLocalBackup: (host, live, stamp) => saveLocalBackup(dataDir, host, live, stamp),
  });
  await run.prepare();
  const reports = await run.apply({ revertIn: 60 });
  const elapsed = performance.now() - started;
  const bad = reports.filter((r) => r.outcome.kind !== 'confirmed');
  if (bad.length > 0) throw new Error(bad.map((r) => `${r.host}: ${describeOutcome(r.outcome)}`).join('\n'));
  return elapsed;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const bed = await createBed(Math.max(...SIZES), { prefix: 'nlbdep' });
  const dataDir = await mkdtemp(join(tmpdir(), 'netloom-bench-deploy-'));
  let mtu = 1400;
  const nextPlans = (hosts: readonly BedHost[]) => {
    mtu = mtu === 1400 ? 1450 : 1400;
    const design = bedDesign(
      bed,
      () => ({ eth1: { mtu } }),
      hosts.map((h) => h.index),
    );
    return planDeploy(design, [], DRIVERS).devices;
  };
  try {
    // Warm up: first deploy replaces the bed's own file, and loads ifupdown2 from disk.
    await netloom(bed, nextPlans(bed.hosts), dataDir);
    console.log(`deploy a harmless change (eth1 MTU), median of ${ROUNDS} rounds, 2 cores here`);
    console.log('hosts  netloom    floor (2x ssh)  ratio');
    for (const n of SIZES) {
      const hosts = bed.hosts.slice(0, n);
      const ours: number[] = [];
      const bare: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        // Alternate which goes first, so neither always runs on a warmer machine.
        if (round % 2 === 0) {
          ours.push(await netloom(bed, nextPlans(hosts), dataDir));
          bare.push(await floor(bed, hosts, nextPlans(hosts)));
        } else {
          bare.push(await floor(bed, hosts, nextPlans(hosts)));
          ours.push(await netloom(bed, nextPlans(hosts), dataDir));
        }
      }
      const [a, b] = [median(ours), median(bare)];
      console.log(
        `${String(n).padStart(5)}  ${(a / 1000).toFixed(2).padStart(6)} s  ${(b / 1000).toFixed(2).padStart(8)} s      ${(a / b).toFixed(2)}x`,
      );
    }
    console.log('goal: ratio at or below 1.50x');
  } finally {
    await bed.destroy();
  }
}

await main();
