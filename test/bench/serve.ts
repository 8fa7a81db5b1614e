/**
 * Benchmark: the HTTP transport of `netloom serve` against direct backend
 * calls. Run: `npx tsx test/bench/serve.ts`. Prints median and p95 per call
 * for an empty call (`capabilities`), and for saving then opening the example
 * design and a generated design of about 2,000 elements.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend.js';
import { startServe } from '../../electron/serve.js';
import { createToken } from '../../electron/serve/token.js';
import { createHttpTransport } from '../../renderer/src/api/http-transport.js';
import { createApiClient } from '../../shared/api-client.js';
import type { NetloomMethods } from '../../shared/api.js';
import type { Design } from '../../shared/model/index.js';
import { exampleDesign } from '../helpers/design.js';

const ROUNDS = 50;

function stats(samples: readonly number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms`;
}

async function sample(work: () => Promise<unknown>): Promise<string> {
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return stats(samples);
}

/** The example's host and switch repeated with fresh ids and names, until about `elements` elements. */
function bigDesign(elements: number): Design {
  const base = exampleDesign();
  const text = JSON.stringify({ hosts: base.hosts, switches: base.switches, cables: base.cables, layout: base.layout });
  const perCopy = (text.match(/"id":/g) ?? []).length;
  const copies = Math.ceil(elements / perCopy);
  const design: Design = { ...base, hosts: [], switches: [], cables: [], layout: {} };
  for (let i = 0; i < copies; i++) {
    const copy = JSON.parse(
      text
        .replace(/"id":"([^"]+)"/g, `"id":"$1-c${i}"`)
        .replace(/"(hostPort|switchPort|mlagPeer)":"([^"]+)"/g, `"$1":"$2-c${i}"`),
    ) as Pick<Design, 'hosts' | 'switches' | 'cables'>;
    for (const h of copy.hosts)
      design.hosts.push({
        ...h,
        name: `${h.name}-${i}`,
        bonds: h.bonds.map((b) => ({ ...b, members: b.members.map((m) => `${m}-c${i}`) })),
        bridges: h.bridges.map((b) => ({ ...b, ports: b.ports.map((p) => `${p}-c${i}`) })),
        vms: h.vms.map((v) => ({ ...v, nics: v.nics.map((n) => ({ ...n, bridge: `${n.bridge}-c${i}` })) })),
      } as typeof h);
    for (const s of copy.switches)
      design.switches.push({
        ...s,
        name: `${s.name}-${i}`,
        portChannels: s.portChannels.map((p) => ({ ...p, members: p.members.map((m) => `${m}-c${i}`) })),
      });
    design.cables.push(...copy.cables);
  }
  return design;
}

async function measure(
  label: string,
  api: NetloomMethods,
  dir: string,
  designs: Record<string, Design>,
): Promise<void> {
  console.log(`${label}: capabilities ${await sample(() => api.capabilities())}`);
  for (const [name, design] of Object.entries(designs)) {
    const path = join(dir, `${name}.netloom.json`);
    console.log(`${label}: save ${name} ${await sample(() => api.saveDesign(path, design))}`);
    console.log(`${label}: open ${name} ${await sample(() => api.openDesign(path))}`);
  }
}

const big = bigDesign(2000);
const designs = { example: exampleDesign(), 'about-2000-elements': big };
console.log(
  `generated design: ${big.hosts.length} hosts, ${big.switches.length} switches, ${JSON.stringify(big).length} bytes of JSON`,
);

const direct = createBackend({ dataDir: mkdtempSync(join(tmpdir(), 'netloom-bench-')) });
await measure('direct', direct.api, mkdtempSync(join(tmpdir(), 'netloom-bench-')), designs);

const served = createBackend({ dataDir: mkdtempSync(join(tmpdir(), 'netloom-bench-')) });
const token = createToken();
const running = await startServe({
  api: served.api,
  emitter: served.emitter,
  staticDir: tmpdir(),
  host: '127.0.0.1',
  port: 0,
  token,
});
try {
  const http = createApiClient(createHttpTransport({ baseUrl: `http://127.0.0.1:${running.port}`, token }));
  await measure('http  ', http, mkdtempSync(join(tmpdir(), 'netloom-bench-')), designs);
} finally {
  await running.close();
}
