import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIdentities, IdentityError } from '../../../../electron/engine/ssh/identities.js';

let dir: string;
let plainKey: string;
let lockedKey: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'netloom-identities-'));
  plainKey = join(dir, 'plain');
  lockedKey = join(dir, 'locked');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', plainKey]);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', 'secret', '-f', lockedKey]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function homeWith(files: Record<string, string>): string {
  const home = mkdtempSync(join(dir, 'home-'));
  mkdirSync(join(home, '.ssh'));
  for (const [name, from] of Object.entries(files)) copyFileSync(from, join(home, '.ssh', name));
  return home;
}

describe('findIdentities', () => {
  it('offers the agent first, then ~/.ssh/id_ed25519, id_ecdsa, id_rsa in that order', async () => {
    const home = homeWith({ id_rsa: plainKey, id_ed25519: plainKey });
    const found = await findIdentities('root', { home, agent: '/run/agent.sock' });
    expect(found.offered).toEqual(['ssh-agent', join(home, '.ssh', 'id_ed25519'), join(home, '.ssh', 'id_rsa')]);
    expect(found.methods.map((m) => m.type)).toEqual(['agent', 'publickey', 'publickey']);
    expect(found.methods.every((m) => m.username === 'root')).toBe(true);
  });

  it('skips a passphrase-protected default key with a reason, and fails when nothing is left', async () => {
    const home = homeWith({ id_ed25519: lockedKey, id_ecdsa: plainKey });
    const found = await findIdentities('root', { home, agent: false });
    expect(found.offered).toEqual([join(home, '.ssh', 'id_ecdsa')]);
    expect(found.skipped).toEqual([
      expect.stringMatching(/id_ed25519 is protected by a passphrase; add it to ssh-agent/),
    ]);

    const lockedOnly = homeWith({ id_ed25519: lockedKey });
    await expect(findIdentities('root', { home: lockedOnly, agent: false })).rejects.toThrow(
      /no SSH key to offer.*passphrase/,
    );
    await expect(findIdentities('root', { home: homeWith({}), agent: false })).rejects.toThrow(IdentityError);
  });

  it('uses only an explicit identity file, and names it when it cannot', async () => {
    const home = homeWith({ id_ed25519: plainKey });
    const found = await findIdentities('admin', { identityFile: plainKey, home, agent: '/run/agent.sock' });
    expect(found.offered).toEqual([plainKey]);
    expect(found.methods).toHaveLength(1);
    await expect(findIdentities('root', { identityFile: join(dir, 'missing') })).rejects.toThrow(
      /identity file .*missing does not exist/,
    );
    await expect(findIdentities('root', { identityFile: lockedKey })).rejects.toThrow(/protected by a passphrase/);
    await expect(findIdentities('root', { identityFile: `${plainKey}.pub` })).rejects.toThrow(/not a private key/);
  });
});

describe('identity files that are not regular files', () => {
  it('refuses a FIFO given as --identity instead of waiting on it', async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    await expect(findIdentities('root', { identityFile: fifo, agent: false })).rejects.toThrow(
      new IdentityError(`cannot read ${fifo}: it is a FIFO (named pipe), not a regular file`),
    );
  });
});
