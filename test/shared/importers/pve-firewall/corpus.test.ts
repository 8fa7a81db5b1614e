/**
 * pve-firewall's own example and test files: every file reads with exactly
 * the warnings pve-firewall gives (the test-errors* ones are there to be
 * refused), and import -> export -> import means the same.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parseDatacenterFirewall,
  parseHostFirewall,
  parseVmFirewall,
  type FirewallWarning,
} from '../../../../shared/importers/pve-firewall/parse.js';
import type { DatacenterFirewall, HostFirewall, VmFirewall } from '../../../../shared/model/firewall.js';
import {
  formatDatacenterFirewall,
  formatHostFirewall,
  formatVmFirewall,
} from '../../../../shared/targets/pve-firewall/format.js';
import { CORPUS, readCorpus } from '../../status/corpus.js';
import { sortFirewall } from './sort.js';

const files = readdirSync(new URL('pve-firewall/', CORPUS))
  .filter((f) => f.endsWith('.fw'))
  .sort();
const sets = [...new Set(files.map((f) => f.split('__')[0]!))];

/** What pve-firewall says about each file (by line), read from its parser's checks. */
const EXPECTED: Record<string, readonly (readonly [line: number, ...parts: string[]])[]> = {
  'example__cluster.fw': [
    [33, 'errors in rule parameters: IN  ACCEPT -source +mynetgroup', "source: no such ipset 'mynetgroup'"],
  ],
  'example__100.fw': [
    [53, 'errors in rule parameters: IN SSH(ACCEPT) -i net0 -source +mynetgroup', "source: no such ipset 'mynetgroup'"],
  ],
  'test-errors1__100.fw': [
    [8, 'errors in rule parameters: IN ACCEPT -dport 80', "proto: missing property - 'dport' requires this property"],
  ],
  'test-errors2__100.fw': [
    [
      7,
      'errors in rule parameters: IN ACCEPT -source non-existing-alias -dport 443',
      "source: no such alias 'non-existing-alias'",
    ],
    [
      8,
      'errors in rule parameters: IN ACCEPT -source +non-existing-ipset -dport 443',
      "source: no such ipset 'non-existing-ipset'",
    ],
  ],
  'test-errors3__host.fw': [
    [4, 'errors in rule parameters: IN ACCEPT -dport 80', "proto: missing property - 'dport' requires this property"],
  ],
  'test-errors4__100.fw': [[3, "can't parse option 'dafadfsdf: afda # unknown option - should be skipped'"]],
};

function expectWarnings(file: string, warnings: readonly FirewallWarning[]): void {
  const expected = EXPECTED[file] ?? [];
  expect(
    warnings.map((w) => w.line),
    file,
  ).toEqual(expected.map(([line]) => line));
  warnings.forEach((w, i) => {
    for (const part of expected[i]!.slice(1)) expect(w.message, `${file} line ${w.line}`).toContain(part);
  });
}

describe('pve-firewall corpus', () => {
  it('covers every file of the corpus', () => {
    expect(files.length).toBe(37);
    expect(sets.length).toBeGreaterThanOrEqual(12);
  });

  for (const set of sets) {
    it(`${set}: reads with pve-firewall's warnings and round-trips`, () => {
      const clusterFile = `${set}__cluster.fw`;
      const dc = parseDatacenterFirewall(files.includes(clusterFile) ? readCorpus(`pve-firewall/${clusterFile}`) : '');
      if (files.includes(clusterFile)) expectWarnings(clusterFile, dc.warnings);
      const dcText = formatDatacenterFirewall(dc.firewall);
      const dcAgain = parseDatacenterFirewall(dcText);
      expect(dcAgain.warnings).toEqual([]);
      expect(dcAgain.firewall).toEqual(sortFirewall(dc.firewall));
      expect(formatDatacenterFirewall(dcAgain.firewall)).toBe(dcText);

      for (const file of files.filter((f) => f.startsWith(`${set}__`) && f !== clusterFile)) {
        const text = readCorpus(`pve-firewall/${file}`);
        const round = <T extends HostFirewall | VmFirewall>(
          parse: (t: string, d: DatacenterFirewall) => { firewall: T; warnings: readonly FirewallWarning[] },
          format: (f: T) => string,
        ) => {
          const first = parse(text, dc.firewall);
          expectWarnings(file, first.warnings);
          const written = format(first.firewall);
          const again = parse(written, dcAgain.firewall);
          expect(again.warnings, file).toEqual([]);
          expect(again.firewall, file).toEqual(sortFirewall(first.firewall));
          expect(format(again.firewall), file).toBe(written);
        };
        if (file.endsWith('__host.fw')) round(parseHostFirewall, formatHostFirewall);
        else round(parseVmFirewall, formatVmFirewall);
      }
    });
  }

  it('reads the example VM file into options, an IP set and rules as pve-firewall does', () => {
    const dc = parseDatacenterFirewall(readCorpus('pve-firewall/example__cluster.fw')).firewall;
    const vm = parseVmFirewall(readCorpus('pve-firewall/example__100.fw'), dc).firewall;
    expect(vm.options).toEqual({
      enable: true,
      macfilter: false,
      layer2Protocols: 'ARP,802_1Q,IPX,NetBEUI,PPP',
      policyIn: 'DROP',
      policyOut: 'REJECT',
      logLevelIn: 'info',
      logLevelOut: 'nolog',
      dhcp: true,
      ips: true,
      ipsQueues: '0:3',
    });
    expect(vm.ipsets).toEqual([
      {
        name: 'ipfilter-net0',
        comment: 'only allow specified IPs on net0',
        entries: [{ cidr: '192.168.2.10', nomatch: false }],
      },
    ]);
    expect(vm.rules).toHaveLength(13);
    expect(vm.rules[0]).toEqual({ type: 'in', action: 'ACCEPT', macro: 'SSH', iface: 'net0', enabled: true });
    expect(vm.rules[8]).toEqual({
      type: 'in',
      action: 'ACCEPT',
      macro: 'SSH',
      iface: 'net0',
      enabled: false,
      comment: 'disabled rule',
    });
    expect(vm.rules[9]).toEqual({ type: 'group', group: 'group1', iface: 'net0', enabled: true });
    expect(dc.aliases.map((a) => a.name)).toEqual([
      'myserveralias',
      'mynetworkalias',
      'myserveraliasipv6',
      'myserveraliasipv6short',
    ]);
    expect(dc.ipsets.find((s) => s.name === 'myipset')!.entries).toContainEqual({
      cidr: '10.0.0.0/8',
      nomatch: true,
      comment: 'nomatch - needs kernel 3.7 or newer',
    });
    expect(dc.groups.map((g) => [g.name, g.rules.length])).toEqual([
      ['group1', 3],
      ['group3', 6],
    ]);
  });
});
