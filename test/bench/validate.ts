/**
 * Benchmark: every design rule, and the switch targets, over generated sites
 * of growing size (the designer re-checks on every edit). Each host is the
 * example MS-01 (4 ports, 2 LACP bonds, 2 bridges, a VM) cabled to one
 * stacked Dell switch per 12 hosts. Prints median and p95 per size.
 *
 *   npx tsx test/bench/validate.ts [runs=30]
 */
import { readFileSync } from 'node:fs';
import { parseDesign } from '../../shared/load/index.js';
import { serializeDesign, type Design } from '../../shared/model/index.js';
import { renderDevice } from '../../shared/targets/index.js';
import { validateDesign } from '../../shared/validate/index.js';
import { EXAMPLE } from '../helpers/cli.js';

const RUNS = Number(process.argv[2] ?? 30);

function site(hosts: number): Design {
  const example = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
  const template = JSON.stringify(example.hosts[0]);
  const doc = { ...example, hosts: [] as unknown[], switches: [] as unknown[], cables: [] as unknown[] };
  for (let h = 0; h < hosts; h++) {
    const sw = Math.floor(h / 12);
    const slot = (h % 12) * 2 + 1;
    if (h % 12 === 0)
      doc.switches.push({
        id: `sw${sw}`,
        name: `sw${sw}`,
        vendor: 'dell-os6',
        stackUnits: 2,
        ports: [],
        portChannels: [],
      });
    const host = JSON.parse(template.replaceAll('"ms01', `"h${h}`).replaceAll('vm-100', `vm-${h}`));
    host.name = `h${h}`;
    host.vms[0].vmid = 100 + h;
    host.bridges[0].inet.addresses[0] = `10.${2 + Math.floor(h / 200)}.200.${(h % 200) + 30}/24`;
    host.bridges[0].inet.gateway = `10.${2 + Math.floor(h / 200)}.200.1`;
    doc.hosts.push(host);
    const switchDoc = doc.switches[sw] as { ports: unknown[]; portChannels: unknown[] };
    const ports = host.ports.map((p: { id: string }, i: number) => {
      const id = `sw${sw}-h${h}-${i}`;
      switchDoc.ports.push({ id, name: `Tengigabitethernet${(i % 2) + 1}/0/${slot + Math.floor(i / 2)}` });
      doc.cables.push({ id: `c-${id}`, hostPort: p.id, switchPort: id });
      return id;
    });
    switchDoc.portChannels.push(
      {
        id: `sw${sw}-po${slot}`,
        number: slot,
        members: ports.slice(0, 2),
        lacp: 'active',
        switchport: { mode: 'trunk', allowed: 'all', native: 240 },
      },
      {
        id: `sw${sw}-po${slot + 1}`,
        number: slot + 1,
        members: ports.slice(2),
        lacp: 'active',
        switchport: { mode: 'trunk', allowed: 'all', native: 240 },
      },
    );
  }
  const result = parseDesign(JSON.stringify(doc));
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  return result.design;
}

function time(fn: () => void): { median: number; p95: number } {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, p95: samples[Math.ceil(samples.length * 0.95) - 1]! };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
for (const hosts of [12, 60, 240]) {
  const design = site(hosts);
  const elements = serializeDesign(design).split('"id"').length - 1;
  const problems = validateDesign(design);
  if (problems.some((p) => p.severity === 'error'))
    throw new Error(`generated site is not clean: ${problems[0]!.message}`);
  const rules = time(() => validateDesign(design));
  const switches = time(() => design.switches.forEach((s) => renderDevice(design, s.id)));
  console.log(
    `${hosts} hosts, ${design.switches.length} switches, ${elements} elements: rules median ${ms(rules.median)} p95 ${ms(rules.p95)}; ` +
      `switch configs median ${ms(switches.median)} p95 ${ms(switches.p95)}`,
  );
}
