import { execFileSync } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Fingerprint } from '../../../../electron/engine/ssh/fingerprint.js';
import { HostKeyTrust } from '../../../../electron/engine/ssh/trust.js';

let dir: string;
let keyA: Buffer;
let keyB: Buffer;

function generate(name: string): Buffer {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, name)]);
  return Buffer.from(readFileSync(join(dir, `${name}.pub`), 'utf8').split(' ')[1]!, 'base64');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'netloom-trust-'));
  keyA = generate('a');
  keyB = generate('b');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('HostKeyTrust', () => {
  it("consults the user's known_hosts and Netloom's store; accepting appends to the store only", async () => {
    const userFile = join(dir, 'user_known_hosts');
    writeFileSync(userFile, `10.0.0.1 ssh-ed25519 ${keyA.toString('base64')}\n`);
    const store = join(dir, 'data', 'netloom', 'known_hosts');
    const trust = new HostKeyTrust({ knownHostsFiles: [userFile, join(dir, 'missing')], storeFile: store });

    expect(await trust.check('10.0.0.1', 22, keyA)).toMatchObject({
      status: 'trusted',
      fingerprint: sha256Fingerprint(keyA),
      keyType: 'ssh-ed25519',
    });
    expect(await trust.check('10.0.0.1', 22, keyB)).toMatchObject({
      status: 'changed',
      fingerprint: sha256Fingerprint(keyB),
    });
    expect(await trust.check('10.0.0.2', 2222, keyB)).toMatchObject({ status: 'unknown' });

    await trust.accept('10.0.0.2', 2222, keyB);
    expect(await trust.check('10.0.0.2', 2222, keyB)).toMatchObject({ status: 'trusted', source: `${store}:1` });
    expect(readFileSync(store, 'utf8')).toBe(`[10.0.0.2]:2222 ssh-ed25519 ${keyB.toString('base64')}\n`);
    expect(statSync(store).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'data', 'netloom')).mode & 0o777).toBe(0o700);
    expect(readFileSync(userFile, 'utf8')).toBe(`10.0.0.1 ssh-ed25519 ${keyA.toString('base64')}\n`);
    expect(await trust.knownKeyTypes('10.0.0.2', 2222)).toEqual(['ssh-ed25519']);
    expect(trust.problems).toEqual([]);
  });

  it('accepting never writes through a link at the store: the linked file is left as it was', async () => {
    const victim = join(dir, 'victim');
    writeFileSync(victim, 'precious\n');
    const store = join(dir, 'linked', 'known_hosts');
    mkdirSync(join(dir, 'linked'));
    symlinkSync(victim, store);
    const trust = new HostKeyTrust({ knownHostsFiles: [], storeFile: store });
    await expect(trust.accept('10.0.0.3', 22, keyA)).rejects.toThrow(
      `cannot save ${store}: ${store} is a symbolic link; Netloom does not write through links`,
    );
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(lstatSync(store).isSymbolicLink()).toBe(true);
    expect(readdirSync(join(dir, 'linked'))).toEqual(['known_hosts']);
  });

  it('accepting keeps what the store held, a last line without its newline included', async () => {
    const store = join(dir, 'kept', 'known_hosts');
    mkdirSync(join(dir, 'kept'));
    writeFileSync(store, `10.0.0.4 ssh-ed25519 ${keyA.toString('base64')}`);
    const trust = new HostKeyTrust({ knownHostsFiles: [], storeFile: store });
    await trust.accept('10.0.0.5', 22, keyB);
    expect(readFileSync(store, 'utf8')).toBe(
      `10.0.0.4 ssh-ed25519 ${keyA.toString('base64')}\n10.0.0.5 ssh-ed25519 ${keyB.toString('base64')}\n`,
    );
    expect(await trust.check('10.0.0.4', 22, keyA)).toMatchObject({ status: 'trusted' });
  });

  it('defaults its store to $NETLOOM_DATA_DIR/known_hosts', () => {
    const saved = process.env.NETLOOM_DATA_DIR;
    process.env.NETLOOM_DATA_DIR = join(dir, 'env-data');
    try {
      expect(new HostKeyTrust().storeFile).toBe(join(dir, 'env-data', 'known_hosts'));
    } finally {
      if (saved === undefined) delete process.env.NETLOOM_DATA_DIR;
      else process.env.NETLOOM_DATA_DIR = saved;
    }
  });
});
