import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseDatacenterFirewall,
  parseHostFirewall,
  parseVmFirewall,
} from '../../../../shared/importers/pve-firewall/parse.js';
import { DatacenterFirewall, FIREWALL_MACROS, HostFirewall, VmFirewall } from '../../../../shared/model/firewall.js';
import {
  formatDatacenterFirewall,
  formatHostFirewall,
  formatVmFirewall,
} from '../../../../shared/targets/pve-firewall/format.js';
import { sortFirewall } from '../../importers/pve-firewall/sort.js';

/** The Proxmox article's setup: who may reach the web UI and SSH, the datacenter switch on, one rule for a VM. */
const datacenter = DatacenterFirewall.parse({
  options: { enable: true, policyIn: 'DROP' },
  aliases: [{ name: 'nas', cidr: '10.2.30.5', comment: 'storage box' }],
  ipsets: [
    { name: 'management', comment: 'web UI and SSH', entries: [{ cidr: '10.2.200.0/24', comment: 'admin subnet' }] },
  ],
  rules: [{ type: 'in', action: 'ACCEPT', macro: 'SSH', source: '+management' }],
  groups: [{ name: 'webserver', rules: [{ type: 'in', action: 'ACCEPT', proto: 'tcp', dport: '80,443' }] }],
});
const vm = VmFirewall.parse({
  options: { enable: true, policyIn: 'DROP' },
  rules: [
    { type: 'group', group: 'webserver', iface: 'net0' },
    {
      type: 'in',
      action: 'ACCEPT',
      iface: 'net0',
      source: 'nas',
      proto: 'tcp',
      dport: '22',
      comment: 'backups from the NAS',
    },
    { type: 'in', action: 'DROP', proto: 'icmp', icmpType: 'echo-request', enabled: false },
  ],
});

describe('pve-firewall files', () => {
  it('writes the datacenter file as pve-firewall saves it', () => {
    expect(formatDatacenterFirewall(datacenter)).toBe(
      [
        '[OPTIONS]',
        '',
        'enable: 1',
        'policy_in: DROP',
        '',
        '[ALIASES]',
        '',
        'nas 10.2.30.5 # storage box',
        '',
        '[IPSET management] # web UI and SSH',
        '',
        '10.2.200.0/24 # admin subnet',
        '',
        '[RULES]',
        '',
        'IN SSH(ACCEPT) -source +management',
        '',
        '[group webserver]',
        '',
        'IN ACCEPT -p tcp -dport 80,443',
        '',
        '',
      ].join('\n'),
    );
  });

  it('writes a VM file with groups, NIC rules, ICMP types and a disabled rule', () => {
    expect(formatVmFirewall(vm)).toBe(
      [
        '[OPTIONS]',
        '',
        'enable: 1',
        'policy_in: DROP',
        '',
        '[RULES]',
        '',
        'GROUP webserver -i net0',
        'IN ACCEPT -i net0 -source nas -p tcp -dport 22 # backups from the NAS',
        '|IN DROP -p icmp -icmp-type echo-request',
        '',
        '',
      ].join('\n'),
    );
  });

  it('reads back what it writes, with no warnings', () => {
    const dc = parseDatacenterFirewall(formatDatacenterFirewall(datacenter));
    expect(dc).toEqual({ firewall: datacenter, warnings: [] });
    expect(parseVmFirewall(formatVmFirewall(vm), dc.firewall)).toEqual({ firewall: vm, warnings: [] });
  });

  it('writes nothing for a level with nothing set, as pve-firewall removes such a file', () => {
    expect(formatHostFirewall(HostFirewall.parse({}))).toBe('');
  });

  it('refuses what pve-firewall would refuse, naming the field', () => {
    const problems = (value: unknown) =>
      VmFirewall.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(problems({ rules: [{ type: 'in', action: 'ACCEPT', dport: '80' }] })).toEqual([
      "rules.0.proto: proto: missing property - 'dport' requires this property",
    ]);
    expect(problems({ rules: [{ type: 'in', action: 'ACCEPT', iface: 'vmbr0' }] })).toEqual([
      'rules.0.iface: interface "vmbr0" must be a VM NIC such as net0',
    ]);
    expect(problems({ rules: [{ type: 'forward', action: 'ACCEPT' }] })?.length).toBeGreaterThan(0);
    expect(problems({ ipsets: [{ name: 'Mgmt', entries: [] }] })).toEqual([
      "ipsets.0.name: invalid IP set name \"Mgmt\": use a lower-case letter, then lower-case letters, digits, '-' and '_'",
    ]);
    expect(problems({ ipsets: [{ name: 'a1', entries: [{ cidr: '10.0.0.0/0' }] }] })).toEqual([
      'ipsets.0.entries.0.cidr: a zero prefix is not allowed in ipset entries',
    ]);
    expect(problems({ rules: [{ type: 'in', action: 'ACCEPT', comment: 'two\nlines' }] })).toEqual([
      'rules.0.comment: comment contains a line break or control character',
    ]);
    expect(
      DatacenterFirewall.safeParse({ rules: [{ type: 'forward', action: 'REJECT' }] }).error?.issues.map(
        (i) => i.message,
      ),
    ).toEqual(['action: cannot define REJECT rules on forward chain']);
  });
});

const octet = fc.integer({ min: 1, max: 254 });
const ipv4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
const cidr = fc.oneof(
  ipv4,
  fc.tuple(ipv4, fc.integer({ min: 8, max: 31 })).map(([a, p]) => `${a}/${p}`),
);
const name = fc.stringMatching(/^[a-z][a-z0-9_-]{1,12}$/);
const comment = fc.option(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .,:()#-]{0,20}[A-Za-z0-9]$/), { nil: undefined });
const ports = fc.oneof(
  fc.integer({ min: 1, max: 65535 }).map(String),
  fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1001, max: 65535 })).map(([a, b]) => `${a}:${b}`),
);

function ruleArb(
  references: readonly string[],
  directions: readonly ('in' | 'out' | 'forward')[],
  iface: fc.Arbitrary<string | undefined>,
) {
  return fc
    .record({
      type: fc.constantFrom(...directions),
      action: fc.constantFrom('ACCEPT', 'DROP'),
      macro: fc.option(fc.constantFrom(...FIREWALL_MACROS), { nil: undefined }),
      iface,
      source: fc.option(fc.oneof(cidr, ...(references.length > 0 ? [fc.constantFrom(...references)] : [])), {
        nil: undefined,
      }),
      proto: fc.option(fc.constantFrom('tcp', 'udp'), { nil: undefined }),
      dport: fc.option(ports, { nil: undefined }),
      log: fc.option(fc.constantFrom('info', 'nolog'), { nil: undefined }),
      enabled: fc.boolean(),
      comment,
    })
    .map((r) => {
      const rule: Record<string, unknown> = Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined));
      if (rule.proto === undefined) delete rule.dport;
      return rule;
    });
}

const datacenterArb = fc
  .record({
    aliases: fc.uniqueArray(fc.record({ name, cidr, comment }), { selector: (a) => a.name, maxLength: 4 }),
    ipsets: fc.uniqueArray(
      fc.record({
        name,
        comment,
        entries: fc.uniqueArray(fc.record({ cidr, nomatch: fc.boolean(), comment }), {
          selector: (e) => e.cidr,
          maxLength: 4,
        }),
      }),
      { selector: (s) => s.name, maxLength: 3 },
    ),
    enable: fc.boolean(),
  })
  .chain(({ aliases, ipsets, enable }) => {
    const references = [...aliases.map((a) => a.name), ...ipsets.map((s) => `+${s.name}`)];
    return fc.record({
      options: fc.constant({ enable }),
      aliases: fc.constant(aliases),
      ipsets: fc.constant(ipsets),
      rules: fc.array(
        ruleArb(references, ['in', 'out', 'forward'], fc.option(fc.constantFrom('vmbr0', 'bond0'), { nil: undefined })),
        { maxLength: 6 },
      ),
      groups: fc.uniqueArray(
        fc.record({
          name: fc.stringMatching(/^[a-z][a-z0-9]{1,10}$/),
          comment,
          rules: fc.array(ruleArb(references, ['in', 'out'], fc.constant(undefined)), { maxLength: 3 }),
        }),
        {
          selector: (g) => g.name,
          maxLength: 2,
        },
      ),
    });
  })
  .map((raw) => DatacenterFirewall.parse(raw));

describe('generated rule sets', () => {
  it('round-trip through the files: same meaning, same bytes, no warnings', () => {
    fc.assert(
      fc.property(
        datacenterArb,
        fc.array(ruleArb([], ['in', 'out'], fc.option(fc.constantFrom('net0', 'net1'), { nil: undefined })), {
          maxLength: 5,
        }),
        (dc, vmRules) => {
          const dcText = formatDatacenterFirewall(dc);
          const dcBack = parseDatacenterFirewall(dcText);
          expect(dcBack.warnings).toEqual([]);
          expect(dcBack.firewall).toEqual(sortFirewall(dc));
          expect(formatDatacenterFirewall(dcBack.firewall)).toBe(dcText);

          const host = HostFirewall.parse({
            options: { enable: true, nosmurfs: true, logLevelIn: 'info' },
            rules: dc.rules,
          });
          expect(parseHostFirewall(formatHostFirewall(host), dc)).toEqual({ firewall: host, warnings: [] });
          const guest = VmFirewall.parse({ options: { enable: true, policyIn: 'DROP' }, rules: vmRules });
          expect(parseVmFirewall(formatVmFirewall(guest), dc)).toEqual({ firewall: guest, warnings: [] });
        },
      ),
      { numRuns: 100 },
    );
  });
});
