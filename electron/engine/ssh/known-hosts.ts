/**
 * known_hosts files as OpenSSH reads them (sshd(8), "SSH_KNOWN_HOSTS FILE FORMAT"): one key per
 * line, `[@marker] patterns keytype base64 [comment]`. Patterns are comma-separated host names or
 * addresses with `*` and `?` wildcards and `!` negation, `[host]:port` for ports other than 22,
 * or one hashed name `|1|base64(salt)|base64(HMAC-SHA1(salt, name))`.
 */
import { createHmac } from 'node:crypto';
import { keyTypeOf, sha256Fingerprint } from './fingerprint.js';

export type KnownHostsMarker = 'cert-authority' | 'revoked';

export type HostPatterns =
  | { readonly kind: 'hashed'; readonly salt: Buffer; readonly hash: Buffer }
  | { readonly kind: 'patterns'; readonly patterns: readonly string[] };

export interface KnownHostEntry {
  readonly marker: KnownHostsMarker | null;
  readonly hosts: HostPatterns;
  readonly keyType: string;
  readonly keyBlob: Buffer;
  /** `file:line`, for messages. */
  readonly source: string;
}

export interface KnownHostsProblem {
  readonly source: string;
  readonly message: string;
}

export interface ParsedKnownHosts {
  readonly entries: readonly KnownHostEntry[];
  readonly problems: readonly KnownHostsProblem[];
}

/** Parses a known_hosts text; lines it cannot read are reported and skipped, as OpenSSH skips them. */
export function parseKnownHosts(text: string, fileName: string): ParsedKnownHosts {
  const entries: KnownHostEntry[] = [];
  const problems: KnownHostsProblem[] = [];
  text.split('\n').forEach((raw, i) => {
    const source = `${fileName}:${i + 1}`;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = line.split(/\s+/);
    let marker: KnownHostsMarker | null = null;
    if (fields[0]?.startsWith('@')) {
      const name = fields.shift()!.slice(1);
      if (name !== 'cert-authority' && name !== 'revoked') {
        problems.push({ source, message: `unknown marker @${name}` });
        return;
      }
      marker = name;
    }
    const [hostField, keyType, base64] = fields;
    if (!hostField || !keyType || !base64) {
      problems.push({ source, message: 'expected host patterns, key type and key' });
      return;
    }
    const hosts = parseHostField(hostField);
    const keyBlob = Buffer.from(base64, 'base64');
    if (!hosts) {
      problems.push({ source, message: `cannot read hashed host name '${hostField}'` });
      return;
    }
    if (keyBlob.length === 0 || keyTypeOf(keyBlob) !== keyType) {
      problems.push({ source, message: `the ${keyType} key does not decode to a ${keyType} key` });
      return;
    }
    entries.push({ marker, hosts, keyType, keyBlob, source });
  });
  return { entries, problems };
}

function parseHostField(field: string): HostPatterns | null {
  if (!field.startsWith('|')) return { kind: 'patterns', patterns: field.split(',').filter((p) => p !== '') };
  const [, magic, salt, hash] = field.split('|');
  if (magic !== '1' || !salt || !hash) return null;
  return { kind: 'hashed', salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
}

/** The name OpenSSH looks up (and hashes): `host` on port 22, else `[host]:port`, lower case as ssh(1) uses it. */
export function knownHostsName(host: string, port: number): string {
  const name = host.toLowerCase();
  return port === 22 ? name : `[${name}]:${port}`;
}

/** `*` any run of characters, `?` one character; case-insensitive like OpenSSH's match_pattern. */
function wildcardMatch(name: string, pattern: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replaceAll('*', '.*')
    .replaceAll('?', '.');
  return new RegExp(`^${source}$`, 'i').test(name);
}

/** Whether an entry's host field covers `name` (see `knownHostsName`). */
export function hostMatches(hosts: HostPatterns, name: string): boolean {
  if (hosts.kind === 'hashed') {
    const digest = createHmac('sha1', hosts.salt).update(name).digest();
    return digest.length === hosts.hash.length && digest.equals(hosts.hash);
  }
  let matched = false;
  for (const pattern of hosts.patterns) {
    const negated = pattern.startsWith('!');
    if (wildcardMatch(name, negated ? pattern.slice(1) : pattern)) {
      if (negated) return false;
      matched = true;
    }
  }
  return matched;
}

export type HostKeyVerdict =
  | { readonly status: 'trusted'; readonly source: string }
  | { readonly status: 'revoked'; readonly source: string }
  | {
      readonly status: 'changed';
      readonly trusted: readonly { readonly fingerprint: string; readonly source: string }[];
    }
  | {
      readonly status: 'unknown';
      /** Key types already trusted for this host (a host reinstalled without them, or a downgrade). */
      readonly otherKeyTypes: readonly string[];
    };

/**
 * Judges the key a host offered against known_hosts entries: a key marked `@revoked` anywhere is
 * refused; a matching entry with the same key is trusted; matching entries of the same key type
 * with other keys mean the key changed; otherwise the key is unknown. `@cert-authority` lines are
 * ignored (Netloom does not verify host certificates).
 */
export function judgeHostKey(
  entries: readonly KnownHostEntry[],
  host: string,
  port: number,
  keyBlob: Buffer,
): HostKeyVerdict {
  const revoked = entries.find((e) => e.marker === 'revoked' && e.keyBlob.equals(keyBlob));
  if (revoked) return { status: 'revoked', source: revoked.source };
  const name = knownHostsName(host, port);
  const forHost = entries.filter((e) => e.marker === null && hostMatches(e.hosts, name));
  const same = forHost.find((e) => e.keyBlob.equals(keyBlob));
  if (same) return { status: 'trusted', source: same.source };
  const keyType = keyTypeOf(keyBlob);
  const sameType = forHost.filter((e) => e.keyType === keyType);
  if (sameType.length > 0) {
    return {
      status: 'changed',
      trusted: sameType.map((e) => ({ fingerprint: sha256Fingerprint(e.keyBlob), source: e.source })),
    };
  }
  return { status: 'unknown', otherKeyTypes: [...new Set(forHost.map((e) => e.keyType))] };
}

/** Key types trusted for `host`:`port` (plain entries only). */
export function trustedKeyTypes(entries: readonly KnownHostEntry[], host: string, port: number): string[] {
  const name = knownHostsName(host, port);
  return [...new Set(entries.filter((e) => e.marker === null && hostMatches(e.hosts, name)).map((e) => e.keyType))];
}

/** One known_hosts line for `host`/`port` and this key (plain name, as `ssh -o HashKnownHosts=no` writes). */
export function knownHostsLine(host: string, port: number, keyBlob: Buffer): string {
  return `${knownHostsName(host, port)} ${keyTypeOf(keyBlob)} ${keyBlob.toString('base64')}`;
}
