import { describe, expect, it } from 'vitest';
import { hostForUrl, isLoopbackHost } from '../../../electron/serve/loopback.js';
import { createToken, tokenMatches } from '../../../electron/serve/token.js';

describe('token', () => {
  it('is 32 random bytes, URL-safe, different every time', () => {
    const a = createToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(createToken()).not.toBe(a);
  });

  it('matches only itself', () => {
    const t = createToken();
    expect(tokenMatches(t, t)).toBe(true);
    for (const other of [undefined, '', t.slice(1), `${t}=`, t.toUpperCase()])
      expect(tokenMatches(other, t)).toBe(false);
  });
});

describe('loopback', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'])('%s is loopback', (host) =>
    expect(isLoopbackHost(host)).toBe(true),
  );
  it.each(['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.com', '128.0.0.1', '::ffff:10.0.0.1'])(
    '%s is not',
    (host) => expect(isLoopbackHost(host)).toBe(false),
  );
  it('brackets IPv6 in URLs', () => {
    expect(hostForUrl('::1')).toBe('[::1]');
    expect(hostForUrl('127.0.0.1')).toBe('127.0.0.1');
  });
});
