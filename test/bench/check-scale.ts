/**
 * Benchmark: `netloom check` of very large designs, at 5,000 and 50,000 hosts.
 * Each host has two ports in an LACP bond, a VLAN-aware bridge, a VLAN
 * interface with the host's address and a VM; every 24 hosts share a Dell
 * switch with a port-channel per host. The design is written as Netloom saves
 * it (132 MiB at 50,000 hosts) and checked the way the CLI does: the file read
 * and restored (schema, index, integrity), then every rule. Prints the time
 * and CPU time of each step, the slowest rules, the ratio between sizes (10x
 * the hosts should cost about 10x: linear), and, when the CLI is built, the
 * wall time of `netloom check` in a process of its own (Node's start included).
 *
 *   npx tsx test/bench/check-scale.ts [hosts...]   (default 5000 50000)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDesignFile } from '../../electron/engine/project-files.js';
import { parseDesign } from '../../shared/load/index.js';
import { serializeDesign } from '../../shared/model/serialize.js';
import { compareDiagnostics, type Diagnostic } from '../../shared/validate/diagnostic.js';
import { RULES } from '../../shared/validate/rules/index.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const SIZES = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [5_000, 50_000];
const PER_SWITCH = 24;

function designText(hosts: number): string {
  const networks = [
    { id: 'net-mgmt', name: 'mgmt', vlan: 200, subnet: '10.0.0.0/8', purpose: 'management' },
    { id: 'net-vms', name: 'vms', vlan: 240 },
  ];
  const doc = {
    format: 'netloom/1',
    name: `scale ${hosts}`,
    networks,
    hosts: [] as unknown[],
    switches: [] as unknown[],
    cables: [] as unknown[],
  };
  for (let h = 0; h < hosts; h++) {
    const id = `h${h}`;
    const sw = Math.floor(h / PER_SWITCH);
    const slot = (h % PER_SWITCH) * 2 + 1;
    if (h % PER_SWITCH === 0)
      doc.switches.push({ id: `sw${sw}`, name: `sw${sw}`, vendor: 'dell-os6', ports: [], portChannels: [] });
    const address = `10.${(h >> 16) & 255}.${(h >> 8) & 255}.${(h & 255) + 0}`;
    doc.hosts.push({
      id,
      name: id,
      ports: [
        { id: `${id}-p0`, name: 'enp1s0', extraLines: ['ethtool-offload-tso off'] },
        { id: `${id}-p1`, name: 'enp2s0' },
      ],
      bonds: [
        {
          id: `${id}-bond0`,
          name: 'bond0',
          members: [`${id}-p0`, `${id}-p1`],
          mode: '802.3ad',
          xmitHashPolicy: 'layer3+4',
        },
      ],
      bridges: [
        { id: `${id}-vmbr0`, name: 'vmbr0', ports: [`${id}-bond0`], vlanAware: true, vids: '200,240', pvid: 1 },
      ],
      vlans: [
        {
          id: `${id}-mgmt`,
          name: 'vmbr0.200',
          parent: `${id}-vmbr0`,
          vlan: 200,
          inet: { method: 'static', addresses: [`${address}/8`], gateway: '10.255.255.254' },
        },
      ],
      vms: [
        {
          id: `${id}-vm`,
          vmid: 100 + h,
          name: `vm${h}`,
          nics: [{ id: `${id}-vm-net0`, slot: 0, bridge: `${id}-vmbr0`, tag: 240 }],
        },
      ],
      unmanaged: [['# kept verbatim']],
    });
    const switchDoc = doc.switches[sw] as { ports: unknown[]; portChannels: unknown[] };
    const members = [0, 1].map((i) => {
      const portId = `sw${sw}-${h}-${i}`;
      switchDoc.ports.push({ id: portId, name: `Tengigabitethernet1/0/${slot + i}` });
      doc.cables.push({ id: `c-${portId}`, hostPort: `${id}-p${i}`, switchPort: portId });
      return portId;
    });
    switchDoc.portChannels.push({
      id: `sw${sw}-po${slot}`,
      number: slot,
      members,
      lacp: 'active',
      switchport: { mode: 'trunk', allowed: '1,200,240' },
    });
  }
  return JSON.stringify(doc);
}

/** The design in the form Netloom saves it, in a file of its own. */
function savedDesign(hosts: number, dir: string): { file: string; bytes: number } {
  const loaded = parseDesign(designText(hosts));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems.slice(0, 3)));
  const text = serializeDesign(loaded.design);
  const file = join(dir, `scale-${hosts}.netloom.json`);
  writeFileSync(file, text);
  return { file, bytes: Buffer.byteLength(text) };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
const results: { hosts: number; total: number }[] = [];
const dir = mkdtempSync(join(tmpdir(), 'netloom-check-scale-'));
const cli = join(ROOT, 'bin', 'netloom.js');
const cliBuilt = existsSync(join(ROOT, 'dist', 'cli.js'));

try {
  for (const hosts of SIZES) {
    const { file, bytes } = savedDesign(hosts, dir);
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const loaded = await readDesignFile(file);
    const restore = performance.now() - started;
    const cpuRestore = process.cpuUsage(cpuStarted);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems.slice(0, 3)));
    // Every rule on the index loading built, then sorted, as `validateIndex` does for `netloom check`.
    const perRule = RULES.map((rule) => {
      const start = performance.now();
      const found: readonly Diagnostic[] = rule.check(loaded.index);
      return { id: rule.id, ms: performance.now() - start, found };
    });
    const sortStarted = performance.now();
    const diagnostics = perRule.flatMap((r) => r.found).sort(compareDiagnostics);
    const rules = perRule.reduce((sum, r) => sum + r.ms, 0) + (performance.now() - sortStarted);
    const cpuTotal = process.cpuUsage(cpuStarted);
    const total = restore + rules;
    results.push({ hosts, total });
    console.log(
      `${hosts} hosts (${(bytes / 2 ** 20).toFixed(0)} MiB as saved): read and restore ${seconds(restore)}, rules ${seconds(rules)}, total ${seconds(total)}, ${diagnostics.length} problems`,
    );
    // CPU time (all threads, the collector's included) moves less than wall time when other work shares the machine.
    console.log(
      `  CPU: restore ${seconds(cpuMs(cpuRestore))}, rules ${seconds(cpuMs(cpuTotal) - cpuMs(cpuRestore))}, total ${seconds(cpuMs(cpuTotal))}`,
    );
    for (const r of [...perRule].sort((a, b) => b.ms - a.ms).slice(0, 5))
      console.log(`  ${r.id.padEnd(40)} ${r.ms.toFixed(0).padStart(6)} ms  ${r.found.length} found`);
    if (cliBuilt) {
      const start = performance.now();
      execFileSync(process.execPath, [cli, 'check', file], { stdio: 'ignore' });
      console.log(`  netloom check in its own process: ${seconds(performance.now() - start)}`);
    }
  }
  if (!cliBuilt)
    console.log('(the CLI is not built: `npm run build` adds the time of `netloom check` in its own process)');
  for (let i = 1; i < results.length; i++) {
    const [a, b] = [results[i - 1]!, results[i]!];
    console.log(`${b.hosts / a.hosts}x the hosts: ${(b.total / a.total).toFixed(1)}x the time`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
