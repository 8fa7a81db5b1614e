import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseEtherchannelSummary } from '../../../shared/status/ios-etherchannel-summary.js';
import { parseLacpNeighbors } from '../../../shared/status/ios-lacp-neighbor.js';
import { parseOs6InterfacesStatus } from '../../../shared/status/os6-interfaces-status.js';
import { parseOs6PortChannels } from '../../../shared/status/os6-port-channel.js';
import type { Parsed } from '../../../shared/status/parse-result.js';
import { readCorpus } from './corpus.js';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** The text with lines dropped, repeated, cut short or shifted. */
function mangle(text: string, next: () => number): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const roll = next();
    if (roll < 0.1) continue;
    if (roll < 0.2) out.push(line, line);
    else if (roll < 0.3) out.push(line.slice(0, Math.floor(next() * line.length)));
    else if (roll < 0.4) out.push(` ${line}`);
    else out.push(line);
  }
  return out.join('\n');
}

const SAMPLES: [string, (text: string) => Parsed<unknown>, string][] = [
  [
    'OS6 show interfaces status',
    parseOs6InterfacesStatus,
    readCorpus('switch/dellemc.os6__fixtures_show_interfaces_status.os6.txt'),
  ],
  [
    'OS6 show interfaces port-channel',
    parseOs6PortChannels,
    readFileSync(new URL('__fixtures__/os6-show-interfaces-port-channel.txt', import.meta.url), 'utf8'),
  ],
  [
    'IOS show etherchannel summary',
    parseEtherchannelSummary,
    readCorpus('switch/genieparser__iosxe_ShowEtherchannelSummary_golden_output_3.ios.txt'),
  ],
  [
    'IOS show lacp neighbor',
    parseLacpNeighbors,
    readCorpus('switch/genieparser__iosxe_ShowLacpNeighbor_golden_output.ios.txt'),
  ],
];

describe('switch show parsers never throw', () => {
  for (const [name, parse, text] of SAMPLES) {
    it(`${name}: 300 mangled copies give a result or an error with a line or a message`, () => {
      const next = random(7);
      for (let i = 0; i < 300; i++) {
        const result = parse(mangle(text, next));
        if (!result.ok) expect(result.error.message).not.toBe('');
      }
    });
  }
});
