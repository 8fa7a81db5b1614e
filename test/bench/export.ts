/**
 * Benchmark: rendering every host's files (ifupdown2 interfaces and the VM
 * NIC script) for generated sites of 20 and 200 hosts, ~50 interfaces each
 * (24 ports, 6 LACP bonds, 6 bridges of which 3 VLAN-aware, 14 VLAN
 * interfaces, 4 VMs): median and p95 time, the 200/20 ratio, and peak heap.
 * Writing the files to disk (`netloom export --out`) is timed separately.
 *
 *   npx tsx --expose-gc test/bench/export.ts [runs=20]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeExportFolder } from '../../electron/engine/export-folder.js';
import { restoreDesign } from '../../shared/load/index.js';
import { type Design } from '../../shared/model/index.js';
import { renderDevice } from '../../shared/targets/index.js';

const RUNS = Number(process.argv[2] ?? 20);

function host(h: number): Record<string, unknown> {
  const id = (name: string) => `h${h}-${name}`;
  const ports = Array.from({ length: 24 }, (_, i) => ({ id: id(`enp${i}s0`), name: `enp${i}s0`, speed: 10000 }));
  const bonds = Array.from({ length: 6 }, (_, b) => ({
    id: id(`bond${b}`),
    name: `bond${b}`,
    members: [ports[2 * b]!.id, ports[2 * b + 1]!.id],
    mode: '802.3ad',
    miimon: 100,
    xmitHashPolicy: 'layer3+4',
    lacpRate: 'fast',
    mtu: 9000,
  }));
  const bridges = Array.from({ length: 6 }, (_, b) => ({
    id: id(`vmbr${b}`),
    name: `vmbr${b}`,
    ports: [bonds[b]!.id],
    ...(b % 2 === 1 ? { vlanAware: true, vids: '2-239,241-4094', pvid: 240 } : {}),
    ...(b === 0
      ? { inet: { method: 'static', addresses: [`10.${h >> 8}.${h & 255}.10/16`], gateway: `10.${h >> 8}.0.1` } }
      : {}),
    comment: `bridge ${b} of host ${h}`,
  }));
  const vlans = Array.from({ length: 14 }, (_, v) => ({
    id: id(`vmbr1.${100 + v}`),
    name: `vmbr1.${100 + v}`,
    parent: bridges[1]!.id,
    vlan: 100 + v,
    inet6: { method: 'static', addresses: [`fd00:${h.toString(16)}:${v}::10/64`] },
  }));
  const vms = Array.from({ length: 4 }, (_, v) => ({
    id: id(`vm${v}`),
    vmid: 100 + v,
    name: `vm${v}`,
    nics: [{ id: id(`vm${v}-net0`), slot: 0, bridge: bridges[1]!.id, tag: 100 + v, firewall: true }],
  }));
  return {
    id: `h${h}`,
    name: `h${h}`,
    platform: 'proxmox',
    ports,
    bonds,
    bridges,
    vlans,
    vms,
    unmanaged: [['# kept verbatim']],
  };
}

function site(hosts: number): Design {
  const result = restoreDesign({
    format: 'netloom/1',
    name: `bench ${hosts}`,
    hosts: Array.from({ length: hosts }, (_, h) => host(h)),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  return result.design;
}

const gc = (globalThis as { gc?: () => void }).gc;

function measure(design: Design): { median: number; p95: number; peakMiB: number; bytes: number } {
  const samples: number[] = [];
  let peak = 0;
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const start = performance.now();
    const files = design.hosts.flatMap((h) => renderDevice(design, h.id));
    samples.push(performance.now() - start);
    peak = Math.max(peak, process.memoryUsage().heapUsed - before);
    bytes = files.reduce((n, f) => n + f.content.length, 0);
  }
  samples.sort((a, b) => a - b);
  return {
    median: samples[Math.floor(RUNS / 2)]!,
    p95: samples[Math.min(RUNS - 1, Math.ceil(RUNS * 0.95) - 1)]!,
    peakMiB: peak / 2 ** 20,
    bytes,
  };
}

const results = new Map<number, ReturnType<typeof measure>>();
for (const hosts of [20, 200]) {
  const design = site(hosts);
  const interfaces = design.hosts.reduce(
    (n, h) => n + h.ports.length + h.bonds.length + h.bridges.length + h.vlans.length,
    0,
  );
  measure(design); // warm-up
  const r = measure(design);
  results.set(hosts, r);
  console.log(
    `${hosts} hosts, ${interfaces} interfaces: render median ${r.median.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, ` +
      `heap growth during a render ${r.peakMiB.toFixed(1)} MiB, output ${(r.bytes / 1024).toFixed(0)} KiB`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'netloom-bench-export-'));
  const start = performance.now();
  await writeExportFolder(design, dir);
  console.log(`  writing all files to disk (atomic, fsync): ${(performance.now() - start).toFixed(0)} ms`);
  rmSync(dir, { recursive: true, force: true });
}
const ratio = results.get(200)!.median / results.get(20)!.median;
console.log(
  `ratio 200/20 hosts: ${ratio.toFixed(1)}x (10x the hosts); goal: 200 hosts under 200 ms -> ${results.get(200)!.median < 200 ? 'met' : 'NOT met'}`,
);
console.log(`peak RSS of the whole run ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
