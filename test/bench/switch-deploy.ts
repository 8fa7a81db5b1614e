/**
 * Benchmark: a host and the switch it is cabled to deployed as one change
 * (host armed and applied, switch applied, switch verified from a new
 * session, host confirmed, switch confirmed and saved) against the same
 * host deployed alone, for a Dell OS6 and a Cisco IOS test switch. Each
 * round changes both (the host's eth1 MTU, the switch trunk's allowed
 * VLANs). Needs root (test bed). Run: `npx tsx test/bench/switch-deploy.ts`.
 * Goal: host + switch at or below 1.5x host alone.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeployRun } from '../../electron/engine/deploy/deploy-run.js';
import { DeployService } from '../../electron/engine/deploy/deploy-service.js';
import { sshCliOpener, sshSessionOpener } from '../../electron/engine/deploy/ssh-session.js';
import { knownHostsName } from '../../electron/engine/ssh/index.js';
import { describeOutcome } from '../../shared/deploy/outcome.js';
import { parseDesign } from '../../shared/load/index.js';
import type { Design, SwitchVendor } from '../../shared/model/index.js';
import { createBed, type Bed, type BedHost } from '../helpers/bed.js';
import { TestSwitch } from '../switch/test-switch.js';
import { hostJson } from '../system/deploy/bed-design.js';

const ROUNDS = 5;
const WINDOW_S = 60;
const PORT: Record<SwitchVendor, string> = {
  'dell-os6': 'Tengigabitethernet1/0/1',
  'cisco-ios': 'TenGigabitEthernet1/0/1',
};

function design(host: BedHost, sw: TestSwitch, round: number): Design {
  const json = {
    format: 'netloom/1',
    name: 'switch deploy bench',
    hosts: [hostJson(host, { eth1: { mtu: round % 2 === 0 ? 1400 : 1450 } })],
    switches: [
      {
        id: 'sw1',
        name: 'sw1',
        vendor: sw.vendor,
        ssh: { address: sw.address, port: sw.port, user: sw.user },
        ports: [
          {
            id: 'sw1-p1',
            name: PORT[sw.vendor],
            switchport: { mode: 'trunk', allowed: Math.floor(round / 2) % 2 === 0 ? '1,240' : '1,240,250', native: 1 },
          },
        ],
      },
    ],
    cables: [{ id: 'c1', hostPort: `h${host.index}-eth1`, switchPort: 'sw1-p1' }],
  };
  const result = parseDesign(JSON.stringify(json));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.design;
}

async function timed(
  bed: Bed,
  sw: TestSwitch,
  dataDir: string,
  knownHosts: string,
  d: Design,
  names: string[],
): Promise<number> {
  const plan = new DeployService().plan(d, names);
  const options = {
    dataDir,
    identityFile: bed.identityFile,
    knownHostsFiles: [bed.knownHostsFile, knownHosts],
    knownSwitchPassword: 'pw',
    enableSecret: async () => 'en',
  };
  const started = performance.now();
  const run = new DeployRun(
    plan.devices,
    { openSession: sshSessionOpener(options), openCli: sshCliOpener(options) },
    plan.groups,
  );
  await run.prepare();
  const reports = await run.apply({ revertIn: WINDOW_S });
  const ms = performance.now() - started;
  const bad = reports.filter((r) => r.outcome.kind !== 'confirmed');
  if (bad.length > 0) throw new Error(bad.map((r) => `${r.host}: ${describeOutcome(r.outcome)}`).join('; '));
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const bed = await createBed(1, { prefix: 'nlbsw' });
  const dataDir = await mkdtemp(join(tmpdir(), 'netloom-bench-switch-'));
  try {
    const host = bed.hosts[0]!;
    console.log(`deploy host alone vs host + switch as one change, median of ${ROUNDS} rounds`);
    console.log('vendor     host alone  host+switch  ratio');
    for (const vendor of ['dell-os6', 'cisco-ios'] as const) {
      const sw = await TestSwitch.start({
        vendor,
        password: 'pw',
        enableSecret: 'en',
        setup: vendor === 'cisco-ios' ? ['archive', 'path flash:archived', 'exit'] : [],
      });
      try {
        const knownHosts = join(dataDir, `switch-${vendor}`);
        await writeFile(knownHosts, `${knownHostsName(sw.address, sw.port)} ${sw.hostPublicKey}\n`);
        const alone: number[] = [];
        const both: number[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          alone.push(await timed(bed, sw, dataDir, knownHosts, design(host, sw, 2 * round + 1), [host.name]));
          both.push(await timed(bed, sw, dataDir, knownHosts, design(host, sw, 2 * round + 2), []));
        }
        const a = median(alone);
        const b = median(both);
        console.log(
          `${vendor.padEnd(9)}  ${(a / 1000).toFixed(2).padStart(8)} s  ${(b / 1000).toFixed(2).padStart(9)} s  ${(b / a).toFixed(2)}x`,
        );
      } finally {
        await sw.close();
      }
    }
    console.log('goal: ratio at or below 1.50x');
  } finally {
    await bed.destroy();
  }
}

await main();
