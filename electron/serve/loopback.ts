import { isIP } from 'node:net';

/** Whether an address to listen on is reachable from this machine only. */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true;
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || /^::ffff:127\./i.test(bare);
  return false;
}

/** `host:port` in a URL (IPv6 in brackets). */
export const hostForUrl = (host: string): string => (isIP(host) === 6 ? `[${host}]` : host);
