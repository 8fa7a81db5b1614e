import { describe, expect, it } from 'vitest';
import {
  decodeLacpState,
  describeLacpState,
  missingForwardingBits,
  setLacpBits,
} from '../../../shared/status/lacp-state.js';

describe('LACP port state', () => {
  it('decodes 63 as a healthy fast-rate member', () => {
    const state = decodeLacpState(63)!;
    expect(setLacpBits(state)).toEqual([
      'active',
      'short_timeout',
      'aggregating',
      'in_sync',
      'collecting',
      'distributing',
    ]);
    expect(describeLacpState(state)).toBe('63: active, short timeout, aggregating, in sync, collecting, distributing');
    expect(missingForwardingBits(state)).toEqual([]);
  });

  it.each([
    [61, ['active', 'aggregating', 'in_sync', 'collecting', 'distributing']],
    [77, ['active', 'aggregating', 'in_sync', 'defaulted']],
    [69, ['active', 'aggregating', 'defaulted']],
    [1, ['active']],
    [15, ['active', 'short_timeout', 'aggregating', 'in_sync']],
    [128, ['expired']],
    [0, []],
  ])('decodes %i bit by bit', (value, bits) => {
    expect(setLacpBits(decodeLacpState(value)!)).toEqual(bits);
  });

  it('names what a member lacks to forward', () => {
    expect(missingForwardingBits(decodeLacpState(15)!)).toEqual(['collecting', 'distributing']);
    expect(missingForwardingBits(decodeLacpState(69)!)).toEqual(['in sync', 'collecting', 'distributing']);
  });

  it('refuses values that are not a byte', () => {
    for (const v of [-1, 256, 1.5, Number.NaN]) expect(decodeLacpState(v)).toBeUndefined();
  });
});
