import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyTypeOf, sha256Fingerprint } from '../../../../electron/engine/ssh/fingerprint.js';
import {
  hostMatches,
  judgeHostKey,
  knownHostsLine,
  parseKnownHosts,
  trustedKeyTypes,
} from '../../../../electron/engine/ssh/known-hosts.js';

interface Key {
  readonly type: string;
  readonly base64: string;
  readonly blob: Buffer;
  readonly file: string;
}

let dir: string;
const keys: Record<'ed1' | 'ed2' | 'ecdsa' | 'rsa', Key> = {} as never;

function generate(name: string, type: string): Key {
  const file = join(dir, name);
  execFileSync('ssh-keygen', ['-q', '-t', type, ...(type === 'rsa' ? ['-b', '2048'] : []), '-N', '', '-f', file]);
  const [keyType, base64] = readFileSync(`${file}.pub`, 'utf8').split(' ') as [string, string];
  return { type: keyType, base64, blob: Buffer.from(base64, 'base64'), file };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'netloom-known-hosts-'));
  keys.ed1 = generate('ed1', 'ed25519');
  keys.ed2 = generate('ed2', 'ed25519');
  keys.ecdsa = generate('ecdsa', 'ecdsa');
  keys.rsa = generate('rsa', 'rsa');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fingerprints', () => {
  it('print exactly as ssh-keygen -lf does, for every key type', () => {
    for (const key of Object.values(keys)) {
      const printed = execFileSync('ssh-keygen', ['-l', '-f', `${key.file}.pub`], { encoding: 'utf8' }).split(' ')[1];
      expect(sha256Fingerprint(key.blob)).toBe(printed);
      expect(keyTypeOf(key.blob)).toBe(key.type);
    }
  });
});

describe('parseKnownHosts', () => {
  it('reads plain, port, marker and comment lines and reports the lines it cannot read', () => {
    const text = [
      '# a comment',
      '',
      `host1,10.0.0.1 ${keys.ed1.type} ${keys.ed1.base64} root@host1`,
      `[10.0.0.2]:2222 ${keys.ecdsa.type} ${keys.ecdsa.base64}`,
      `@revoked * ${keys.rsa.type} ${keys.rsa.base64}`,
      `@bogus host ${keys.ed1.type} ${keys.ed1.base64}`,
      'host3 ssh-ed25519',
      `host4 ssh-rsa ${keys.ed1.base64}`,
      `|1|bad ${keys.ed1.type} ${keys.ed1.base64}`,
    ].join('\n');
    const { entries, problems } = parseKnownHosts(text, 'kh');
    expect(entries.map((e) => [e.source, e.marker, e.keyType])).toEqual([
      ['kh:3', null, 'ssh-ed25519'],
      ['kh:4', null, 'ecdsa-sha2-nistp256'],
      ['kh:5', 'revoked', 'ssh-rsa'],
    ]);
    expect(problems.map((p) => p.source)).toEqual(['kh:6', 'kh:7', 'kh:8', 'kh:9']);
    expect(problems[0]!.message).toContain('@bogus');
  });

  it('matches names the way ssh-keygen -F finds them: wildcards, negation, [host]:port', () => {
    const file = join(dir, 'patterns');
    writeFileSync(
      file,
      [
        `web*.lan,!web9.lan ${keys.ed1.type} ${keys.ed1.base64}`,
        `10.0.0.? ${keys.ed1.type} ${keys.ed1.base64}`,
        `[10.0.1.5]:2222 ${keys.ed1.type} ${keys.ed1.base64}`,
        `10.0.1.6 ${keys.ed1.type} ${keys.ed1.base64}`,
      ].join('\n') + '\n',
    );
    const { entries } = parseKnownHosts(readFileSync(file, 'utf8'), file);
    const names = [
      'web1.lan',
      'WEB2.lan',
      'web9.lan',
      'db.lan',
      '10.0.0.7',
      '10.0.0.17',
      '[10.0.1.5]:2222',
      '10.0.1.5',
      '[10.0.1.6]:2222',
      '10.0.1.6',
    ];
    const ours = names.map((name) => entries.some((e) => hostMatches(e.hosts, name)));
    expect(ours).toEqual(names.map((name) => spawnFound(file, name)));
    expect(ours).toEqual([true, true, false, false, true, false, true, false, false, true]);
  });

  it('matches hashed entries written by ssh-keygen -H, including ports', () => {
    const file = join(dir, 'hashed');
    writeFileSync(
      file,
      `10.9.9.9 ${keys.ed1.type} ${keys.ed1.base64}\n[10.9.9.9]:2200 ${keys.ed2.type} ${keys.ed2.base64}\n`,
    );
    execFileSync('ssh-keygen', ['-q', '-H', '-f', file]);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^\|1\|/);
    const { entries, problems } = parseKnownHosts(text, file);
    expect(problems).toEqual([]);
    expect(judgeHostKey(entries, '10.9.9.9', 22, keys.ed1.blob).status).toBe('trusted');
    expect(judgeHostKey(entries, '10.9.9.9', 2200, keys.ed2.blob).status).toBe('trusted');
    expect(judgeHostKey(entries, '10.9.9.9', 2200, keys.ed1.blob).status).toBe('changed');
    expect(judgeHostKey(entries, '10.9.9.8', 22, keys.ed1.blob).status).toBe('unknown');
  });

  it('looks host names up in lower case, as ssh does, also in hashed entries', () => {
    const file = join(dir, 'hashed-names');
    writeFileSync(file, `pve1.lan ${keys.ed1.type} ${keys.ed1.base64}\n`);
    execFileSync('ssh-keygen', ['-q', '-H', '-f', file]);
    const { entries } = parseKnownHosts(readFileSync(file, 'utf8'), file);
    expect(judgeHostKey(entries, 'PVE1.lan', 22, keys.ed1.blob).status).toBe('trusted');
    expect(knownHostsLine('PVE1.Lan', 2222, keys.ed1.blob)).toMatch(/^\[pve1\.lan\]:2222 /);
  });
});

/** Whether OpenSSH's own lookup finds `name` in `file`. */
function spawnFound(file: string, name: string): boolean {
  try {
    return execFileSync('ssh-keygen', ['-F', name, '-f', file], { encoding: 'utf8' }).includes('found');
  } catch {
    return false;
  }
}

describe('judgeHostKey', () => {
  const entriesOf = (lines: string[]) => parseKnownHosts(lines.join('\n'), 'kh').entries;

  it('trusts the known key, calls another key of the same type changed, and names what was trusted', () => {
    const entries = entriesOf([`h ${keys.ed1.type} ${keys.ed1.base64}`]);
    expect(judgeHostKey(entries, 'h', 22, keys.ed1.blob)).toEqual({ status: 'trusted', source: 'kh:1' });
    expect(judgeHostKey(entries, 'h', 22, keys.ed2.blob)).toEqual({
      status: 'changed',
      trusted: [{ fingerprint: sha256Fingerprint(keys.ed1.blob), source: 'kh:1' }],
    });
  });

  it('treats a key of a type not trusted for the host as unknown, naming the trusted types', () => {
    const entries = entriesOf([`h ${keys.ed1.type} ${keys.ed1.base64}`]);
    expect(judgeHostKey(entries, 'h', 22, keys.ecdsa.blob)).toEqual({
      status: 'unknown',
      otherKeyTypes: ['ssh-ed25519'],
    });
    expect(judgeHostKey(entries, 'other', 22, keys.ecdsa.blob)).toEqual({ status: 'unknown', otherKeyTypes: [] });
    expect(trustedKeyTypes(entries, 'h', 22)).toEqual(['ssh-ed25519']);
  });

  it('keeps ports apart: a key for port 22 says nothing about port 2222', () => {
    const entries = entriesOf([`h ${keys.ed1.type} ${keys.ed1.base64}`]);
    expect(judgeHostKey(entries, 'h', 2222, keys.ed2.blob).status).toBe('unknown');
  });

  it('refuses a @revoked key even where a plain line trusts it; ignores @cert-authority lines', () => {
    const entries = entriesOf([
      `h ${keys.ed1.type} ${keys.ed1.base64}`,
      `@revoked * ${keys.ed1.type} ${keys.ed1.base64}`,
      `@cert-authority h ${keys.ed2.type} ${keys.ed2.base64}`,
    ]);
    expect(judgeHostKey(entries, 'h', 22, keys.ed1.blob)).toEqual({ status: 'revoked', source: 'kh:2' });
    expect(judgeHostKey(entries, 'x', 22, keys.ed2.blob).status).toBe('unknown');
  });

  it('writes lines that OpenSSH reads back for the same host and port', () => {
    const file = join(dir, 'written');
    writeFileSync(
      file,
      `${knownHostsLine('10.1.2.3', 22, keys.ed1.blob)}\n${knownHostsLine('10.1.2.3', 2222, keys.ed2.blob)}\n`,
    );
    expect(spawnFound(file, '10.1.2.3')).toBe(true);
    expect(spawnFound(file, '[10.1.2.3]:2222')).toBe(true);
    expect(readFileSync(file, 'utf8').split('\n')[1]).toBe(
      `[10.1.2.3]:2222 ${keys.ed2.type} ${keys.ed2.base64.trim()}`,
    );
  });
});
