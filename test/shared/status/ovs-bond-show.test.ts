/**
 * `ovs-appctl bond/show` as Open vSwitch prints it: the fixtures follow
 * `bond_print_details` in ofproto/bond.c (openvswitch/ovs; `slave` records
 * with tab-indented details before 2.16, `member` records with two-space
 * indentation and `lacp_fallback_ab` / `active-backup primary` lines since),
 * with interface names and MACs of our own.
 */
import { describe, expect, it } from 'vitest';
import { bondFromOvs } from '../../../shared/status/bond-observation.js';
import { evaluateBond } from '../../../shared/status/health.js';
import { parseOvsBondShow, type OvsBondInfo } from '../../../shared/status/ovs-bond-show.js';
import { OVS2_LACP_CONFIGURED, OVS3_TWO_BONDS } from './ovs-fixtures.js';

function parse(text: string): OvsBondInfo[] {
  const result = parseOvsBondShow(text);
  if (!result.ok) throw new Error(result.error.message);
  expect(result.warnings).toEqual([]);
  return result.value;
}

describe('ovs-appctl bond/show', () => {
  it('reads every bond of OVS 3.x output, its LACP status and members', () => {
    const [bond0, bond1] = parse(OVS3_TWO_BONDS);
    expect(bond0).toMatchObject({
      name: 'bond0',
      mode: 'balance-tcp',
      lacpStatus: 'negotiated',
      lacpFallbackAb: false,
      updelayMs: 0,
    });
    expect(bond0!.activeMac).toEqual({ mac: '3c:ec:ef:10:20:31', member: 'enp1s0f1' });
    expect(bond0!.members.map((m) => [m.name, m.enabled, m.active, m.mayEnable])).toEqual([
      ['enp1s0f0', true, false, true],
      ['enp1s0f1', true, true, true],
    ]);
    expect(bond1).toMatchObject({ name: 'bond1', mode: 'active-backup', lacpStatus: 'off', downdelayMs: 200 });
    expect(bond1!.members.map((m) => [m.name, m.enabled])).toEqual([
      ['eno1', true],
      ['eno2', false],
    ]);
  });

  it('reads the slave records of OVS before 2.16', () => {
    const [bond] = parse(OVS2_LACP_CONFIGURED);
    expect(bond).toMatchObject({
      mode: 'balance-tcp',
      lacpStatus: 'configured',
      activeMac: { mac: '00:00:00:00:00:00', member: null },
    });
    expect(bond!.members.map((m) => [m.name, m.enabled, m.delayExpiresInMs])).toEqual([
      ['eth2', false, undefined],
      ['eth3', false, 900],
    ]);
  });

  it('reads no bonds from empty output (OVS has none)', () => {
    expect(parse('')).toEqual([]);
  });

  it('names the line of a value it cannot read, and refuses text that is not bond/show', () => {
    const bad = parseOvsBondShow(OVS3_TWO_BONDS.replace('lacp_status: negotiated', 'lacp_status: maybe'));
    expect(bad).toEqual({
      ok: false,
      error: { line: 9, message: 'lacp_status: expected negotiated or configured or off, found "maybe"' },
    });
    const other = parseOvsBondShow('Ethernet Channel Bonding Driver: v6.8.0\n');
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.error.message).toMatch(/not ovs-appctl bond\/show output/);
  });

  it('skips lines it does not know with a warning', () => {
    const result = parseOvsBondShow(OVS3_TWO_BONDS.replace('updelay: 0 ms', 'updelay: 0 ms\nfuture field: 3'));
    expect(result.ok && result.warnings).toEqual([{ line: 7, message: 'skipped unknown line "future field: 3"' }]);
  });
});

describe('OVS bond health', () => {
  it('is ok for a negotiated LACP bond with every member enabled', () => {
    const [bond0] = parse(OVS3_TWO_BONDS);
    expect(evaluateBond('bond0', bondFromOvs(bond0!), { members: ['enp1s0f0', 'enp1s0f1'] })).toEqual({
      health: 'ok',
      reasons: [],
    });
  });

  it('is degraded with a disabled member, and names a designed member OVS does not have', () => {
    const [, bond1] = parse(OVS3_TWO_BONDS);
    const { health, reasons } = evaluateBond('bond1', bondFromOvs(bond1!), { members: ['eno1', 'eno2', 'eno3'] });
    expect(health).toBe('degraded');
    expect(reasons).toEqual(['eno3 is not a member of bond1', 'eno2 MII status is down']);
  });

  it('is down when LACP is configured but not negotiated and there is no fallback', () => {
    const [bond] = parse(OVS2_LACP_CONFIGURED);
    const { health, reasons } = evaluateBond('bond0', bondFromOvs(bond!));
    expect(health).toBe('down');
    expect(reasons).toContain(
      'bond0 has LACP configured but no partner negotiated it, so it sends nothing (lacp_fallback_ab is off)',
    );
    expect(reasons).toContain('bond0 has no enabled member');
  });

  it('is degraded when LACP is not negotiated but lacp_fallback_ab keeps it sending', () => {
    const [bond] = parse(
      OVS3_TWO_BONDS.replace(
        'lacp_status: negotiated\nlacp_fallback_ab: false',
        'lacp_status: configured\nlacp_fallback_ab: true',
      ),
    );
    const { health, reasons } = evaluateBond('bond0', bondFromOvs(bond!));
    expect(health).toBe('degraded');
    expect(reasons).toEqual(['bond0 has LACP configured but no partner negotiated it; it fell back to active-backup']);
  });
});
