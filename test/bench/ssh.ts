/**
 * Benchmark: the test bed and the SSH layer. Needs root. Run: `npx tsx test/bench/ssh.ts`.
 * Prints bed create/destroy times for 1, 10 and 20 hosts, then ssh2 connect + one exec against the
 * plain OpenSSH client doing the same (sequential medians, and 20 hosts at once).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { connect, HostKeyTrust, sh } from '../../electron/engine/ssh/index.js';
import { createBed, type Bed, type BedHost } from '../helpers/bed.js';

const run = promisify(execFile);
const ROUNDS = 20;

function stats(samples: readonly number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms (n=${sorted.length})`;
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await work();
  return [performance.now() - started, value];
}

function plainSsh(bed: Bed, host: BedHost, command: string) {
  return run('ssh', [
    '-i',
    host.identityFile,
    '-o',
    `UserKnownHostsFile=${bed.knownHostsFile}`,
    '-o',
    'StrictHostKeyChecking=yes',
    '-o',
    'BatchMode=yes',
    `root@${host.mgmtAddress}`,
    command,
  ]);
}

async function ssh2ConnectExec(bed: Bed, host: BedHost, trust: HostKeyTrust): Promise<number> {
  const session = await connect(
    { address: host.mgmtAddress, port: host.sshPort, user: 'root' },
    { identityFile: bed.identityFile, trust },
  );
  const result = await session.exec(sh(['true']));
  session.close();
  return result.code;
}

async function main(): Promise<void> {
  console.log('test bed (2 cores here)');
  for (const n of [1, 10, 20]) {
    const prefix = `nlbn${n}`;
    const [create, bed] = await timed(() => createBed(n, { prefix }));
    const [destroy] = await timed(() => bed.destroy());
    console.log(
      `  ${String(n).padStart(2)} hosts: create ${(create / 1000).toFixed(2)} s, destroy ${(destroy / 1000).toFixed(2)} s`,
    );
  }

  const bed = await createBed(20, { prefix: 'nlbnssh' });
  try {
    const trust = new HostKeyTrust({
      knownHostsFiles: [bed.knownHostsFile],
      storeFile: '/nonexistent/netloom-bench-store',
    });
    const host = bed.hosts[0]!;
    await ssh2ConnectExec(bed, host, trust);
    await plainSsh(bed, host, 'true');

    const ssh2Samples: number[] = [];
    const plainSamples: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      ssh2Samples.push((await timed(() => ssh2ConnectExec(bed, host, trust)))[0]);
      plainSamples.push((await timed(() => plainSsh(bed, host, 'true')))[0]);
    }
    const session = await connect(
      { address: host.mgmtAddress, user: 'root' },
      { identityFile: bed.identityFile, trust },
    );
    const execSamples: number[] = [];
    for (let i = 0; i < ROUNDS; i++) execSamples.push((await timed(() => session.exec(sh(['true']))))[0]);
    session.close();

    console.log('connect + one command (`true`), one host, sequential');
    console.log(`  ssh2 (Netloom):      ${stats(ssh2Samples)}`);
    console.log(`  ssh binary:          ${stats(plainSamples)}`);
    console.log(`  ssh2 exec on an open session: ${stats(execSamples)}`);

    const [ssh2All] = await timed(() => Promise.all(bed.hosts.map((h) => ssh2ConnectExec(bed, h, trust))));
    const [plainAll] = await timed(() => Promise.all(bed.hosts.map((h) => plainSsh(bed, h, 'true'))));
    console.log(`connect + one command on ${bed.hosts.length} hosts at once`);
    console.log(`  ssh2 (Netloom): ${ssh2All.toFixed(0)} ms wall`);
    console.log(`  ssh binary:     ${plainAll.toFixed(0)} ms wall`);
  } finally {
    await bed.destroy();
  }
}

await main();
