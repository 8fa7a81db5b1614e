import { describe, expect, it } from 'vitest';
import { parseDesign, restoreDesign } from '../../../shared/load/index.js';
import { serializeDesign } from '../../../shared/model/index.js';
import { exampleJson } from '../../helpers/design.js';
import { readFileSync } from 'node:fs';
import { EXAMPLE } from '../../helpers/cli.js';

function problemsOf(mutate: (doc: Record<string, any>) => void) {
  const doc = exampleJson();
  mutate(doc);
  const result = restoreDesign(doc);
  if (result.ok) throw new Error('expected the design to be refused');
  return result.problems;
}

describe('restore', () => {
  it('accepts the example design', () => {
    const result = parseDesign(readFileSync(EXAMPLE, 'utf8'));
    expect(result.ok).toBe(true);
  });

  it('round-trips: load, save, load gives equal data and identical bytes', () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    const first = parseDesign(text);
    if (!first.ok) throw new Error('example must load');
    const saved = serializeDesign(first.design);
    expect(saved).toBe(text);
    const second = parseDesign(saved);
    if (!second.ok) throw new Error('saved text must load');
    expect(second.design).toEqual(first.design);
    expect(serializeDesign(second.design)).toBe(saved);
  });

  it('writes stable key order whatever order the input had', () => {
    const doc = exampleJson();
    const reversed = Object.fromEntries(Object.entries(doc).reverse());
    reversed.layout = { zeta: { x: 1, y: 2 }, 'ms01-bond0': { y: 5, x: 4 }, ms01: { x: 0, y: 0 } };
    const result = restoreDesign(reversed);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const text = serializeDesign(result.design);
    expect(Object.keys(JSON.parse(text))).toEqual([
      'format',
      'name',
      'networks',
      'hosts',
      'switches',
      'cables',
      'layout',
    ]);
    // Unknown element ids in the layout are dropped; the rest is sorted.
    expect(Object.keys(JSON.parse(text).layout)).toEqual(['ms01', 'ms01-bond0']);
    expect(text).toContain('"ms01-bond0": {\n      "x": 4,\n      "y": 5\n    }');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('refuses text that is not JSON, naming the document', () => {
    const result = parseDesign('{ "format": ');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems[0]).toMatchObject({
        path: '(document)',
        message: expect.stringMatching(/not valid JSON/),
      });
  });

  it.each([
    'root:$6$hunter2:19000:0:99999:7:::\n',
    '{"format": "hunter2-api-key", "token": "hunter2"}',
    '{"password": "hunter2"}',
    '["hunter2"]',
  ])('does not quote a file that is not a design: %j', (text) => {
    const result = parseDesign(text);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toMatch(/hunter2|root/);
  });

  it('refuses an unknown format version', () => {
    expect(problemsOf((d) => (d.format = 'netloom/9'))).toEqual([
      { path: 'format', message: 'unknown format version "netloom/9"; this Netloom reads "netloom/1"' },
    ]);
  });

  it.each([
    ['a wrong type', (d: any) => (d.hosts[0].name = 5), 'hosts[0].name', /expected string, got number 5/],
    [
      'a wrong attribute type',
      (d: any) => (d.hosts[0].bonds[0].miimon = '100'),
      'hosts[0].bonds[0].miimon',
      /MII monitor must be a number; got "100"/,
    ],
    ['a missing field', (d: any) => delete d.hosts[0].bonds[0].members, 'hosts[0].bonds[0].members', /is required/],
    ['VLAN id 0', (d: any) => (d.networks[0].vlan = 0), 'networks[0].vlan', /between 1 and 4094/],
    ['VLAN id 4095', (d: any) => (d.networks[1].vlan = 4095), 'networks[1].vlan', /between 1 and 4094/],
    [
      'a VM tag of 4095',
      (d: any) => (d.hosts[0].vms[0].nics[0].tag = 4095),
      'hosts[0].vms[0].nics[0].tag',
      /between 1 and 4094/,
    ],
    [
      'a name over 15 characters',
      (d: any) => (d.hosts[0].ports[0].name = 'enp88s0averylongname'),
      'hosts[0].ports[0].name',
      /20 characters; the kernel allows at most 15/,
    ],
    ['a name with /', (d: any) => (d.hosts[0].ports[1].name = 'enp/91'), 'hosts[0].ports[1].name', /contains '\/'/],
    [
      'a name with whitespace',
      (d: any) => (d.hosts[0].bonds[0].name = 'bond 0'),
      'hosts[0].bonds[0].name',
      /whitespace/,
    ],
    ['a name with :', (d: any) => (d.hosts[0].bridges[0].name = 'vmbr0:1'), 'hosts[0].bridges[0].name', /contains ':'/],
    [
      'a name with a shell metacharacter',
      (d: any) => (d.hosts[0].bonds[1].name = 'bond1;reboot'),
      'hosts[0].bonds[1].name',
      /shell metacharacter ';'/,
    ],
    ['a host name with $()', (d: any) => (d.hosts[0].name = 'ms$(id)'), 'hosts[0].name', /shell metacharacter '\$'/],
    [
      'a duplicate id',
      (d: any) => (d.hosts[0].bonds[1].id = 'ms01-bond0'),
      'hosts[0].bonds[1].id',
      /duplicate id "ms01-bond0" \(also used by hosts\[0\]\.bonds\[0\]\)/,
    ],
    [
      'a dangling reference',
      (d: any) => (d.hosts[0].bonds[1].members[0] = 'nope'),
      'hosts[0].bonds[1].members[0]',
      /"nope", which does not exist/,
    ],
    [
      'a reference of the wrong kind',
      (d: any) => (d.hosts[0].bridges[0].ports[0] = 'ms01-vmbr1'),
      'hosts[0].bridges[0].ports[0]',
      /which is a bridge, not a port or bond or vlan/,
    ],
    [
      'an unknown field',
      (d: any) => (d.hosts[0].bonds[0].bondMode = '802.3ad'),
      'hosts[0].bonds[0]',
      /unknown field "bondMode"/,
    ],
    [
      'bond-mode 802.3adx',
      (d: any) => (d.hosts[0].bonds[0].mode = '802.3adx'),
      'hosts[0].bonds[0].mode',
      /Mode must be one of balance-rr, active-backup/,
    ],
    [
      'bridge-vlan-aware maybe',
      (d: any) => (d.hosts[0].bridges[1].vlanAware = 'maybe'),
      'hosts[0].bridges[1].vlanAware',
      /VLAN aware must be true or false/,
    ],
    [
      'VIDs out of 1-4094',
      (d: any) => (d.hosts[0].bridges[1].vids = '1-4095'),
      'hosts[0].bridges[1].vids',
      /VLAN id 4095 is outside 1-4094/,
    ],
    [
      'a switch port outside the vendor scheme',
      (d: any) => (d.switches[0].ports[0].name = 'Te1/1/17'),
      'switches[0].ports[0].name',
      /expected the form Tengigabitethernet1\/0\/17/,
    ],
    [
      'a cable to a missing port',
      (d: any) => (d.cables[0].switchPort = 'n4032-te9'),
      'cables[0].switchPort',
      /does not exist/,
    ],
  ])('refuses %s with the JSON path', (_label, mutate, path, message) => {
    const problems = problemsOf(mutate);
    expect(problems).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('refuses a design that is not an object', () => {
    expect(restoreDesign([])).toEqual({
      ok: false,
      problems: [{ path: '(document)', message: 'a design must be a JSON object' }],
    });
  });
});
