import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sshSessionOpener } from '../../../../electron/engine/deploy/ssh-session.js';
import {
  HostKeyUnknownError,
  SshAuthError,
  type ConnectOptions,
  type SshSession,
  type SshTarget,
} from '../../../../electron/engine/ssh/index.js';

const target = { name: 'pve1', address: '10.9.0.2', port: 22, user: 'root' };
const FP = 'SHA256:abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

/** A fake `connect`: records the options of every call; `behave` decides per call. */
function fakeConnect(
  behave: (options: ConnectOptions, call: number) => 'ok' | Error,
  exec: (options: ConnectOptions) => Promise<void> = async () => undefined,
) {
  const calls: ConnectOptions[] = [];
  const connect = async (_t: SshTarget, options: ConnectOptions = {}): Promise<SshSession> => {
    calls.push(options);
    const outcome = behave(options, calls.length);
    if (outcome instanceof Error) throw outcome;
    return {
      exec: async () => (await exec(options), { code: 0, signal: null, stdout: '', stderr: '' }),
      close: () => undefined,
    } as unknown as SshSession;
  };
  return { connect: connect as never, calls };
}

const unknownKey = () =>
  new HostKeyUnknownError(
    `the authenticity of 10.9.0.2 cannot be established: its ssh-ed25519 key is ${FP}`,
    '10.9.0.2',
    'ssh-ed25519',
    FP,
  );
const dataDir = await mkdtemp(join(tmpdir(), 'netloom-ssh-opener-'));

describe('sshSessionOpener', () => {
  it('puts an unknown host key to the person and connects again accepting exactly that fingerprint', async () => {
    const fake = fakeConnect((o) => (o.acceptHostKey === FP ? 'ok' : unknownKey()));
    const asked: string[] = [];
    const open = sshSessionOpener({
      dataDir,
      connect: fake.connect,
      acceptUnknownKey: async (q) => (asked.push(`${q.host} ${q.keyType} ${q.fingerprint}`), true),
    });
    await open(target, { timeoutMs: 1000 });
    expect(asked).toEqual([`pve1 ssh-ed25519 ${FP}`]);
    expect(fake.calls.map((c) => c.acceptHostKey)).toEqual([undefined, FP]);
  });

  it('refuses an unknown key when nobody accepts it (as with --yes)', async () => {
    const fake = fakeConnect(() => unknownKey());
    const open = sshSessionOpener({ dataDir, connect: fake.connect, acceptUnknownKey: async () => false });
    await expect(open(target, { timeoutMs: 1000 })).rejects.toBeInstanceOf(HostKeyUnknownError);
    expect(fake.calls).toHaveLength(1);
  });

  it('asks for a sudo password once, only when sudo wants one, and logs in again with it', async () => {
    const fake = fakeConnect(
      () => 'ok',
      async (o) => {
        if (o.sudoPassword === undefined)
          throw new SshAuthError('sudo on 10.9.0.2 refused admin: sudo: a password is required', '10.9.0.2');
      },
    );
    let asked = 0;
    const open = sshSessionOpener({ dataDir, connect: fake.connect, sudoPassword: async () => (asked++, 'pw') });
    await open({ ...target, user: 'admin' }, { timeoutMs: 1000 });
    await open({ ...target, name: 'pve2', user: 'admin' }, { timeoutMs: 1000 });
    expect(asked).toBe(1);
    expect(fake.calls.map((c) => c.sudoPassword)).toEqual([undefined, 'pw', 'pw']);
  });

  it('logs in as root without any sudo probe', async () => {
    let probes = 0;
    const fake = fakeConnect(
      () => 'ok',
      async () => void probes++,
    );
    await sshSessionOpener({ dataDir, connect: fake.connect })(target, { timeoutMs: 1000 });
    expect(probes).toBe(0);
  });
});
