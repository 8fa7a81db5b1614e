import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connect,
  HostKeyChangedError,
  HostKeyTrust,
  HostKeyUnknownError,
  sh,
  shell,
  SshAuthError,
  SshConnectionError,
  SshOutputTooLargeError,
  SshTimeoutError,
  type SshSession,
} from '../../../electron/engine/ssh/index.js';
import { createBed, type Bed, type BedHost } from '../../helpers/bed.js';

const PREFIX = 'nlssht';

describe('SSH sessions on the test bed (real sshd)', () => {
  let bed: Bed;
  let dir: string;
  let trust: HostKeyTrust;
  const open: SshSession[] = [];

  const target = (host: BedHost) => ({ address: host.mgmtAddress, port: host.sshPort, user: 'root' });
  const login = async (host: BedHost, options: Parameters<typeof connect>[1] = {}) => {
    const session = await connect(target(host), {
      identityFile: host.identityFile,
      trust,
      timeoutMs: 5_000,
      ...options,
    });
    open.push(session);
    return session;
  };
  /** How many logins sshd has accepted so far (its log, in the host's own /run). */
  const acceptedLogins = async (host: BedHost) =>
    (await host.runOk('cat /run/sshd.log')).split('\n').filter((l) => l.includes('Accepted publickey')).length;

  beforeAll(async () => {
    bed = await createBed(3, { prefix: PREFIX });
    dir = mkdtempSync(join(tmpdir(), 'netloom-ssh-'));
    trust = new HostKeyTrust({ knownHostsFiles: [bed.knownHostsFile], storeFile: join(dir, 'store', 'known_hosts') });
  });
  afterAll(async () => {
    for (const session of open) session.close();
    await bed?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('logs in with the bed key and runs commands: exit code, stdout, stderr, stdin', async () => {
    const host = bed.hosts[0]!;
    const session = await login(host);
    expect(session.hostKeyFingerprint).toBe(host.hostKeyFingerprint);
    const result = await session.exec(
      sh(['sh', '-c', 'hostname; printf "%s" "$1" >&2; exit 3', 'sh', "it's $HOME; `x`"]),
    );
    expect(result).toEqual({ code: 3, signal: null, stdout: `${host.ns}\n`, stderr: "it's $HOME; `x`" });
    expect((await session.run(['cat'], { stdin: 'line one\nline two' })).stdout).toBe('line one\nline two');
    expect((await session.run(['true'])).code).toBe(0);
    const lines: string[] = [];
    await session.exec(shell`printf 'a\nb\npartial' >&2`, { onStderrLine: (line) => lines.push(line) });
    expect(lines).toEqual(['a', 'b', 'partial']);
  });

  it('uploads files byte for byte with the mode asked for, to paths that need quoting', async () => {
    const host = bed.hosts[0]!;
    const session = await login(host);
    const path = "/var/tmp/odd name's $dir.txt";
    const content = Buffer.from([0, 1, 2, 255, 10, 39, 36]);
    await session.upload(path, content, 0o640);
    expect(await host.runOk(`stat -c %a ${sh([path])}`)).toBe('640\n');
    expect(readFileSync(`/run/netloom-bed/${PREFIX}/h1/vartmp/odd name's $dir.txt`).equals(content)).toBe(true);
    await session.upload(path, 'replaced\n', 0o600);
    expect(await host.runOk(`cat ${sh([path])}; stat -c %a ${sh([path])}`)).toBe('replaced\n600\n');
    await expect(session.upload('/nonexistent-dir/x', 'x', 0o644)).rejects.toThrow(/cannot write \/nonexistent-dir\/x/);
  });

  it('gives up on a command that outlives its timeout, the host kills it, and the session stays usable', async () => {
    const session = await login(bed.hosts[0]!);
    const alive = () =>
      execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
        .split('\n')
        .some((line) => line.trim() === 'sleep 31.4159');
    const started = Date.now();
    const running = session.exec(shell`sleep 31.4159; echo never`, { timeoutMs: 500 });
    await expect(running).rejects.toBeInstanceOf(SshTimeoutError);
    expect(Date.now() - started).toBeLessThan(3_000);
    await expect.poll(alive, { timeout: 10_000, interval: 100 }).toBe(false);
    expect((await session.run(['echo', 'still here'])).stdout).toBe('still here\n');
    expect((await session.run(['sh', '-c', 'sleep 0.2; echo in time'], { timeoutMs: 5_000 })).stdout).toBe('in time\n');
  });

  it('stops a command that prints more than the limit, naming it and the limit, and the session stays usable', async () => {
    const session = await login(bed.hosts[0]!);
    const small = session.exec(shell`head -c 3000000 /dev/zero; echo never`, { maxOutputBytes: 1024 * 1024 });
    await expect(small).rejects.toBeInstanceOf(SshOutputTooLargeError);
    await expect(small).rejects.toMatchObject({
      code: 'output-too-large',
      limitBytes: 1024 * 1024,
      message: expect.stringMatching(
        /^the command "head -c 3000000 \/dev\/zero; echo never" on .* printed more than 1 MiB;/,
      ),
    });
    // The default limit holds without asking, on stderr as well.
    await expect(session.exec(shell`head -c 17000000 /dev/zero >&2`)).rejects.toThrow(/printed more than 16 MiB/);
    expect((await session.run(['echo', 'still here'])).stdout).toBe('still here\n');
  });

  it('logs in with a key from ssh-agent, or from ~/.ssh/id_ed25519, without an identity file', async () => {
    const host = bed.hosts[0]!;
    const emptyHome = mkdtempSync(join(dir, 'home-'));
    const socket = join(dir, 'agent.sock');
    const agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
    try {
      for (let i = 0; i < 50 && !existsSync(socket); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      execFileSync('ssh-add', ['-q', host.identityFile], {
        env: { ...process.env, SSH_AUTH_SOCK: socket },
        stdio: 'ignore',
      });
      const viaAgent = await connect(target(host), { agent: socket, home: emptyHome, trust });
      open.push(viaAgent);
      expect((await viaAgent.run(['hostname'])).stdout).toBe(`${host.ns}\n`);
    } finally {
      agent.kill();
    }
    const home = mkdtempSync(join(dir, 'home-'));
    mkdirSync(join(home, '.ssh'));
    copyFileSync(host.identityFile, join(home, '.ssh', 'id_ed25519'));
    const viaFile = await connect(target(host), { agent: false, home, trust });
    open.push(viaFile);
    expect((await viaFile.run(['hostname'])).stdout).toBe(`${host.ns}\n`);
    await expect(connect(target(host), { agent: false, home: emptyHome, trust })).rejects.toThrow(
      /no SSH key to offer/,
    );
  });

  it('runs commands as root through sudo -n for a NOPASSWD user, with stdin and quoting intact', async () => {
    const host = bed.hosts[0]!;
    const session = await connect(
      { ...target(host), user: bed.users.sudoNoPassword },
      { identityFile: host.identityFile, trust },
    );
    open.push(session);
    expect((await session.run(['id', '-un'])).stdout).toBe('root\n');
    expect((await session.run(['sh', '-c', 'cat; printf " %s" "$1"', 'sh', "a'b $HOME"], { stdin: 'in' })).stdout).toBe(
      "in a'b $HOME",
    );
    await session.upload('/root/sudo-upload', 'as root\n', 0o600);
    expect(await host.runOk('stat -c "%U %a" /root/sudo-upload; cat /root/sudo-upload')).toBe('root 600\nas root\n');
  });

  it('gives the sudo password on stdin when one is set, and SshAuthError when sudo wants one', async () => {
    const host = bed.hosts[0]!;
    const user = bed.users.sudoWithPassword;
    const withoutPassword = await connect({ ...target(host), user }, { identityFile: host.identityFile, trust });
    open.push(withoutPassword);
    await expect(withoutPassword.run(['true'])).rejects.toThrow(SshAuthError);
    await expect(withoutPassword.run(['true'])).rejects.toThrow(/a password is required/);

    const wrong = await connect(
      { ...target(host), user },
      { identityFile: host.identityFile, trust, sudoPassword: 'wrong' },
    );
    open.push(wrong);
    await expect(wrong.run(['true'])).rejects.toThrow(/incorrect password/);

    const session = await connect(
      { ...target(host), user },
      { identityFile: host.identityFile, trust, sudoPassword: bed.users.sudoPassword },
    );
    open.push(session);
    const result = await session.run(['sh', '-c', 'id -un; cat'], { stdin: 'after the password' });
    expect(result).toMatchObject({ code: 0, stdout: 'root\nafter the password', stderr: '' });
  });

  it('refuses an unknown host key with its SHA256 fingerprint; accepting it stores it', async () => {
    const host = bed.hosts[1]!;
    const store = join(dir, 'unknown-store', 'known_hosts');
    const fresh = new HostKeyTrust({ knownHostsFiles: [], storeFile: store });
    (await login(host)).close();
    const before = await acceptedLogins(host);
    expect(before).toBeGreaterThan(0); // the log does count logins
    const error = await connect(target(host), { identityFile: host.identityFile, trust: fresh }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HostKeyUnknownError);
    expect((error as HostKeyUnknownError).fingerprint).toBe(host.hostKeyFingerprint);
    expect((error as HostKeyUnknownError).message).toContain(host.hostKeyFingerprint);
    expect(await acceptedLogins(host)).toBe(before);

    const wrong = await connect(target(host), {
      identityFile: host.identityFile,
      trust: fresh,
      acceptHostKey: bed.hosts[0]!.hostKeyFingerprint,
    }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(HostKeyUnknownError);

    const session = await connect(target(host), {
      identityFile: host.identityFile,
      trust: fresh,
      acceptHostKey: host.hostKeyFingerprint,
    });
    open.push(session);
    expect((await session.run(['hostname'])).stdout).toBe(`${host.ns}\n`);
    expect(await readFile(store, 'utf8')).toBe(`${host.knownHostsLine}\n`);
    const again = await connect(target(host), { identityFile: host.identityFile, trust: fresh });
    open.push(again);
  });

  it('refuses a changed host key before logging in, so nothing runs on the host', async () => {
    const host = bed.hosts[2]!;
    const staleFile = join(dir, 'stale_known_hosts');
    const staleText = `${host.knownHostsLine}\n`;
    writeFileSync(staleFile, staleText);
    const stale = new HostKeyTrust({ knownHostsFiles: [staleFile], storeFile: join(dir, 'stale-store') });
    const oldFingerprint = host.hostKeyFingerprint;
    await bed.rekey(3);
    const before = await acceptedLogins(host);
    const error = await connect(target(host), {
      identityFile: host.identityFile,
      trust: stale,
      acceptHostKey: host.hostKeyFingerprint,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostKeyChangedError);
    const changed = error as HostKeyChangedError;
    expect(changed.fingerprint).toBe(host.hostKeyFingerprint);
    expect(changed.trusted).toEqual([{ fingerprint: oldFingerprint, source: `${staleFile}:1` }]);
    expect(changed.message).toMatch(/CHANGED/);
    expect(await acceptedLogins(host)).toBe(before);
    // Refused, not "accepted": neither the user's file nor Netloom's store was written.
    expect(readFileSync(staleFile, 'utf8')).toBe(staleText);
    expect(existsSync(join(dir, 'stale-store'))).toBe(false);
  });

  it('asks first for the key type known_hosts trusts, so a host with several keys is judged on the known one', async () => {
    const host = bed.hosts[1]!;
    const ecdsaKey = `${host.etcDir}/ssh/ssh_host_ecdsa_key`;
    rmSync(ecdsaKey, { force: true });
    rmSync(`${ecdsaKey}.pub`, { force: true });
    execFileSync('ssh-keygen', ['-q', '-t', 'ecdsa', '-N', '', '-f', ecdsaKey]);
    const config = `${host.etcDir}/ssh/sshd_config`;
    writeFileSync(config, `${readFileSync(config, 'utf8')}HostKey /etc/ssh/ssh_host_ecdsa_key\n`);
    await bed.restartSshd(2);
    const [type, base64] = readFileSync(`${ecdsaKey}.pub`, 'utf8').split(' ');
    const onlyEcdsa = join(dir, 'ecdsa_known_hosts');
    writeFileSync(onlyEcdsa, `${host.mgmtAddress} ${type} ${base64}\n`);
    const ecdsaTrust = new HostKeyTrust({ knownHostsFiles: [onlyEcdsa], storeFile: join(dir, 'ecdsa-store') });
    const session = await connect(target(host), { identityFile: host.identityFile, trust: ecdsaTrust });
    open.push(session);
    expect(session.hostKeyFingerprint).toBe(
      execFileSync('ssh-keygen', ['-l', '-f', `${ecdsaKey}.pub`], { encoding: 'utf8' }).split(' ')[1],
    );
    // Knowing nothing, the preferred ed25519 key is the one offered.
    const error = await connect(target(host), {
      identityFile: host.identityFile,
      trust: new HostKeyTrust({ knownHostsFiles: [], storeFile: join(dir, 'none') }),
    }).catch((e: unknown) => e);
    expect((error as HostKeyUnknownError).fingerprint).toBe(host.hostKeyFingerprint);
  });

  it('reports a wrong key as SshAuthError and a closed port as SshConnectionError', async () => {
    const host = bed.hosts[0]!;
    const otherKey = join(dir, 'other_key');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', otherKey]);
    await expect(login(host, { identityFile: otherKey })).rejects.toBeInstanceOf(SshAuthError);
    await expect(connect({ ...target(host), port: 2222 }, { identityFile: host.identityFile, trust })).rejects.toThrow(
      SshConnectionError,
    );
    await expect(connect({ ...target(host), port: 2222 }, { identityFile: host.identityFile, trust })).rejects.toThrow(
      /refused the connection/,
    );
  });

  it('fails fast when the management cable is pulled, and again works after heal', async () => {
    const host = bed.hosts[1]!;
    await bed.cut(2);
    try {
      const started = Date.now();
      const error = await login(host, { timeoutMs: 3_000 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SshConnectionError);
      expect(Date.now() - started).toBeLessThan(3_500);
    } finally {
      await bed.heal(2);
    }
    expect((await (await login(host)).run(['echo', 'back'])).stdout).toBe('back\n');
  });

  it('notices a link cut under an open session (keepalive) and rejects the running command', async () => {
    const host = bed.hosts[0]!;
    const session = await login(host, { keepaliveIntervalMs: 500, keepaliveCountMax: 2 });
    const running = session.run(['sleep', '60']).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    await bed.cut(1);
    try {
      const error = await running;
      expect(error).toBeInstanceOf(SshConnectionError);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(session.closed).toBe(true);
      await expect(session.run(['true'])).rejects.toBeInstanceOf(SshConnectionError);
    } finally {
      await bed.heal(1);
    }
  });

  it('times out a login to a server that accepts TCP but never speaks SSH', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const started = Date.now();
      const error = await connect(
        { address: '127.0.0.1', port, user: 'root' },
        { identityFile: bed.identityFile, trust, timeoutMs: 1_000 },
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SshTimeoutError);
      expect((error as SshTimeoutError).phase).toBe('connect');
      expect(Date.now() - started).toBeLessThan(2_500);
    } finally {
      silent.close();
    }
  });
});
