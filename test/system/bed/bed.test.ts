import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, HostKeyTrust } from '../../../electron/engine/ssh/index.js';
import { createBed, type Bed, type BedHost } from '../../helpers/bed.js';

const run = promisify(execFile);
const PREFIX = 'nlbedt';

/** The plain OpenSSH client, as a person would use the bed. */
function ssh(bed: Bed, host: BedHost, command: string, timeoutSeconds = 5) {
  return run(
    'ssh',
    [
      '-i',
      host.identityFile,
      '-o',
      `UserKnownHostsFile=${bed.knownHostsFile}`,
      '-o',
      'StrictHostKeyChecking=yes',
      '-o',
      'BatchMode=yes',
      '-o',
      `ConnectTimeout=${timeoutSeconds}`,
      '-p',
      String(host.sshPort),
      `root@${host.mgmtAddress}`,
      command,
    ],
    { encoding: 'utf8', timeout: 30_000 },
  );
}

/** True while `pid` runs (a zombie waiting for its reaper has stopped running). */
function running(pid: string): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Pids of every process whose network namespace is `netns` (`net:[inode]`). */
function processesIn(netns: string): string[] {
  return readdirSync('/proc').filter((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      return readlinkSync(`/proc/${pid}/ns/net`) === netns && running(pid);
    } catch {
      return false;
    }
  });
}

async function rootLinks(): Promise<string> {
  return (await run('ip', ['-br', 'link'], { encoding: 'utf8' })).stdout;
}

describe('test bed', () => {
  let bed: Bed;
  beforeAll(async () => {
    bed = await createBed(2, { prefix: PREFIX });
  });
  afterAll(async () => {
    await bed?.destroy();
  });

  it('lets root in on every host with the bed key, in a clean home, in the host namespace', async () => {
    for (const host of bed.hosts) {
      const { stdout } = await ssh(
        bed,
        host,
        'hostname; echo "$HOME"; ls -A ~; ip -br -4 addr show eth0; command -v python3',
      );
      const [hostname, home, dotSsh, addr, python] = stdout.trim().split('\n');
      expect(hostname).toBe(host.ns);
      expect(home).toBe('/root');
      expect(dotSsh).toBe('.ssh');
      expect(addr).toContain(`${host.mgmtAddress}/24`);
      expect(python).toBe('/usr/bin/python3');
    }
  });

  it("lets Netloom's SSH layer (ssh2) in on every host, with the host keys the bed published", async () => {
    const trust = new HostKeyTrust({
      knownHostsFiles: [bed.knownHostsFile],
      storeFile: '/nonexistent/netloom-bed-test-store',
    });
    for (const host of bed.hosts) {
      const session = await connect(
        { address: host.mgmtAddress, port: host.sshPort, user: 'root' },
        { identityFile: host.identityFile, trust },
      );
      try {
        expect(session.hostKeyFingerprint).toBe(host.hostKeyFingerprint);
        expect((await session.run(['hostname'])).stdout).toBe(`${host.ns}\n`);
      } finally {
        session.close();
      }
    }
  });

  it('gives each host its own /etc/network, /run and /var/tmp', async () => {
    const [one, two] = bed.hosts as [BedHost, BedHost];
    expect(await one.runOk('cat /etc/network/interfaces')).toBe(await readFile(one.interfacesPath, 'utf8'));
    expect(await one.runOk('cat /etc/network/interfaces')).toContain(`address ${one.mgmtAddress}/24`);
    expect(existsSync(`${one.etcDir}/network/ifupdown2/ifupdown2.conf`)).toBe(true);
    await one.runOk('echo one > /run/mark; echo one > /var/tmp/mark');
    expect((await two.run('cat /run/mark /var/tmp/mark')).code).not.toBe(0);
    expect(existsSync('/run/mark')).toBe(false);
  });

  it('runs ifreload -a on both hosts at the same time, and applies a changed address', async () => {
    const results = await Promise.all(bed.hosts.map((host) => host.run('ifreload -a')));
    expect(results.map((r) => [r.code, r.stderr])).toEqual([
      [0, ''],
      [0, ''],
    ]);

    const host = bed.hosts[1]!;
    const original = await readFile(host.interfacesPath, 'utf8');
    const extra = host.mgmtAddress.replace(/\.2$/, '.77');
    await writeFile(
      host.interfacesPath,
      original.replace(
        `address ${host.mgmtAddress}/24`,
        `address ${host.mgmtAddress}/24\n    address ${extra}/24\n    mtu 1400`,
      ),
    );
    await Promise.all(bed.hosts.map((h) => h.runOk('ifreload -a')));
    expect(await host.runOk('ip -br -4 addr show eth0')).toContain(`${extra}/24`);
    expect(await host.runOk('cat /sys/class/net/eth0/mtu')).toBe('1400\n');
    expect((await ssh(bed, host, 'echo up')).stdout).toBe('up\n');

    await writeFile(host.interfacesPath, original);
    await host.runOk('ifreload -a');
    expect(await host.runOk('ip -br -4 addr show eth0')).not.toContain(extra);
  });

  it('runs at jobs in the host that queued them', async () => {
    await Promise.all(bed.hosts.map((host) => host.runOk('echo "hostname > /var/tmp/at-ran" | at now 2>/dev/null')));
    for (const host of bed.hosts) {
      let ran = '';
      for (let i = 0; i < 100 && ran === ''; i++) {
        ran = (await host.run('cat /var/tmp/at-ran 2>/dev/null')).stdout;
        if (ran === '') await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(ran).toBe(`${host.ns}\n`);
    }
  });

  it('cut breaks ssh to that host only, heal restores it', async () => {
    const [one, two] = bed.hosts as [BedHost, BedHost];
    await bed.cut(1);
    await expect(ssh(bed, one, 'true', 2)).rejects.toThrow(/No route to host|timed out/);
    expect((await ssh(bed, two, 'echo two')).stdout).toBe('two\n');
    await bed.heal(1);
    expect((await ssh(bed, one, 'echo back')).stdout).toBe('back\n');
  });

  it('cut-data and heal-data take the data port down and up', async () => {
    const host = bed.hosts[0]!;
    await bed.cutData(1);
    expect(await host.runOk('cat /sys/class/net/eth1/carrier')).toBe('0\n');
    await bed.healData(1);
    expect(await host.runOk('cat /sys/class/net/eth1/carrier')).toBe('1\n');
  });

  it('rekey gives the host a new key that the old known_hosts line refuses', async () => {
    const host = bed.hosts[1]!;
    const before = host.hostKeyFingerprint;
    const oldLine = host.knownHostsLine;
    await bed.rekey(2);
    expect(host.hostKeyFingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(host.hostKeyFingerprint).not.toBe(before);
    const stale = `${bed.knownHostsFile}.stale`;
    await writeFile(stale, `${oldLine}\n`);
    await expect(
      run('ssh', [
        '-i',
        host.identityFile,
        '-o',
        `UserKnownHostsFile=${stale}`,
        '-o',
        'StrictHostKeyChecking=yes',
        '-o',
        'BatchMode=yes',
        `root@${host.mgmtAddress}`,
        'true',
      ]),
    ).rejects.toThrow(/HOST IDENTIFICATION HAS CHANGED|Host key verification failed/);
    expect((await ssh(bed, host, 'echo new')).stdout).toBe('new\n');
  });

  /** Everything on this machine that carries the names of bed `prefix`. */
  async function leftovers(prefix: string): Promise<string[]> {
    const found: string[] = [];
    const netns = (await run('ip', ['netns', 'list'], { encoding: 'utf8' })).stdout;
    found.push(...netns.split('\n').filter((line) => line.startsWith(`${prefix}-`)));
    found.push(
      ...(await rootLinks()).split('\n').filter((line) => new RegExp(`^${prefix}\\d+-(mgmt|data)`).test(line)),
    );
    found.push(...readdirSync('/etc/netns').filter((name) => name.startsWith(`${prefix}-`)));
    if (existsSync(`/run/netloom-bed/${prefix}`)) found.push(`/run/netloom-bed/${prefix}`);
    return found;
  }

  it('destroy cleans up after a create that was killed halfway', async () => {
    const prefix = `${PREFIX}k`;
    const script = new URL('../../bed/bed.sh', import.meta.url).pathname;
    const create = spawn(script, ['create', '8', '--prefix', prefix], { detached: true, stdio: 'ignore' });
    // Halfway: two of the eight namespaces exist, however long a loaded machine takes to get there.
    await expect
      .poll(async () => (await leftovers(prefix)).filter((l) => l.startsWith(`${prefix}-`)).length, {
        timeout: 120_000,
        interval: 20,
      })
      .toBeGreaterThanOrEqual(2);
    process.kill(-create.pid!, 'SIGKILL');
    expect((await leftovers(prefix)).length).toBeGreaterThan(0);
    await run(script, ['destroy', '--prefix', prefix]);
    expect(await leftovers(prefix)).toEqual([]);
  });

  it('destroy sweeps by name when the state directory itself is gone', async () => {
    const other = await createBed(2, { prefix: `${PREFIX}s` });
    const netns = `net:[${statSync(`/run/netns/${other.hosts[0]!.ns}`).ino}]`;
    rmSync(`/run/netloom-bed/${other.prefix}`, { recursive: true, force: true });
    expect((await leftovers(other.prefix)).length).toBeGreaterThan(0);
    await other.destroy();
    expect(await leftovers(other.prefix)).toEqual([]);
    expect(processesIn(netns)).toEqual([]);
  });

  it('destroy leaves no namespace, veth, process, /etc/netns dir or route behind', async () => {
    const other = await createBed(1, { prefix: `${PREFIX}x` });
    const ns = other.hosts[0]!.ns;
    const slot = Number((await readFile(`/run/netloom-bed/${other.prefix}/slot`, 'utf8')).trim());
    const unreachable = `unreachable 10.${213 + slot}.0.0/16`;
    expect((await run('ip', ['route', 'show', 'type', 'unreachable'], { encoding: 'utf8' })).stdout).toContain(
      unreachable,
    );
    const anchor = (await readFile(`/run/netloom-bed/${other.prefix}/h1/anchor.pid`, 'utf8')).trim();
    const netns = `net:[${statSync(`/run/netns/${ns}`).ino}]`;
    expect(processesIn(netns).length).toBeGreaterThanOrEqual(3); // anchor, sshd, atd
    await other.destroy();
    expect((await run('ip', ['netns', 'list'], { encoding: 'utf8' })).stdout).not.toContain(ns);
    expect(await rootLinks()).not.toMatch(new RegExp(`^${other.prefix}\\d`, 'm'));
    expect(existsSync(`/etc/netns/${ns}`)).toBe(false);
    expect(existsSync(`/run/netloom-bed/${other.prefix}`)).toBe(false);
    expect(running(anchor)).toBe(false);
    expect(processesIn(netns)).toEqual([]);
    expect((await run('ip', ['route', 'show', 'type', 'unreachable'], { encoding: 'utf8' })).stdout).not.toContain(
      unreachable,
    );
    // The bed under test is untouched by its neighbour's destroy.
    expect((await ssh(bed, bed.hosts[0]!, 'echo still')).stdout).toBe('still\n');
  });
});
