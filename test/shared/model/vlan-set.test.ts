import { describe, expect, it } from 'vitest';
import { formatVlanSet, parseVlanSet, vlanSetHas } from '../../../shared/model/vlan-set.js';

describe('VLAN sets', () => {
  it('parses, sorts and merges', () => {
    expect(formatVlanSet(parseVlanSet('241-255 1-239, 240'))).toBe('1-255');
    expect(formatVlanSet(parseVlanSet('10,20-30,31'))).toBe('10,20-31');
    expect(formatVlanSet(parseVlanSet('1-239,241-255'), ' ')).toBe('1-239 241-255');
  });
  it('answers membership', () => {
    const set = parseVlanSet('1-239,241-255');
    expect(vlanSetHas(set, 240)).toBe(false);
    expect(vlanSetHas(set, 245)).toBe(true);
  });
  it.each(['', '0', '4095', '5-3', 'x', '1--2'])('refuses %j', (text) => {
    expect(() => parseVlanSet(text)).toThrow();
  });
});
