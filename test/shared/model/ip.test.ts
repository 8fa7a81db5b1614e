import { describe, expect, it } from 'vitest';
import { formatIp, parseIp, parsePrefix, prefixContains } from '../../../shared/model/ip.js';

describe('IP addresses', () => {
  it.each(['10.2.200.30', '0.0.0.0', 'fd00::1', '::', '2001:db8::8:800:200c:417a', '::ffff:10.0.0.1'])(
    'parses and prints %s',
    (text) => {
      expect(formatIp(parseIp(text)!)).toBe(text);
    },
  );
  it.each(['10.2.200', '256.1.1.1', '01.2.3.4', 'fd00:::1', '1:2:3:4:5:6:7:8:9', 'g::1'])('refuses %s', (text) => {
    expect(parseIp(text)).toBeUndefined();
  });
  it('knows which prefix holds an address', () => {
    expect(prefixContains(parsePrefix('10.2.200.30/24')!, parseIp('10.2.200.1')!)).toBe(true);
    expect(prefixContains(parsePrefix('10.2.200.30/24')!, parseIp('10.2.201.1')!)).toBe(false);
    expect(prefixContains(parsePrefix('fd00::30/64')!, parseIp('fd00::1')!)).toBe(true);
    expect(prefixContains(parsePrefix('fd00::30/64')!, parseIp('10.2.200.1')!)).toBe(false);
  });
});
