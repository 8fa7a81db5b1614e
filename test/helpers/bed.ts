/**
 * The SSH test bed from TypeScript: N hosts as network namespaces with real OpenSSH sshd, real
 * ifupdown2 and their own atd, made and removed by `test/bed/bed.sh` (read its header for the
 * layout). Needs root, so use it from `test/system/**` and `test/bench/**` only.
 *
 * ```ts
 * let bed: Bed;
 * beforeAll(async () => { bed = await createBed(2, { prefix: 'nldep' }); });  // unique per test file
 * afterAll(async () => { await bed?.destroy(); });                           // always
 *
 * const host = bed.hosts[0]!;                  // host number 1
 * const trust = new HostKeyTrust({ knownHostsFiles: [bed.knownHostsFile], storeFile: tmpStore });
 * await connect({ address: host.mgmtAddress, port: host.sshPort, user: 'root' },
 *               { identityFile: host.identityFile, trust });   // or user bed.users.sudoNoPassword
 * await host.run('ifreload -a');               // runs inside the host, clean root environment
 * await readFile(host.interfacesPath, 'utf8'); // the host's /etc/network/interfaces, from outside
 * await bed.cut(1); await bed.heal(1);         // pull / replug host 1's management cable
 * ```
 *
 * Host numbers start at 1 (`bed.hosts[k - 1]` is host `k`), as in `bed.sh`. Each host:
 * namespace `<prefix>-K` (also its hostname), management `eth0` = `mgmtAddress`/24 with gateway
 * `gatewayAddress` (the root side), data port `eth1` (no address; root side `dataPort.rootLink`),
 * sshd on port 22 accepting `identityFile` for root and for the sudo users in `BED_USERS`,
 * `/etc/network` in `etcDir/network`.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const BED_SCRIPT = fileURLToPath(new URL('../bed/bed.sh', import.meta.url));

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface BedHost {
  /** Host number, 1-based, as `bed.sh` counts. */
  readonly index: number;
  /** Network namespace name, also the hostname inside: `<prefix>-K`. */
  readonly name: string;
  readonly ns: string;
  readonly mgmtAddress: string;
  /** The root namespace's end of the management link; the host's default gateway. */
  readonly gatewayAddress: string;
  readonly sshPort: number;
  /** Host side `eth1`, root side `<prefix>K-data`. */
  readonly dataPort: { readonly hostLink: 'eth1'; readonly rootLink: string };
  readonly mgmtPort: { readonly hostLink: 'eth0'; readonly rootLink: string };
  /** Private key (ed25519) that root on every host of this bed accepts. */
  readonly identityFile: string;
  /** `/etc/netns/<ns>`: shown inside the host as `/etc` entries (`network/`, `ssh/`). */
  readonly etcDir: string;
  /** The host's `/etc/network/interfaces`, as a path in the root namespace. */
  readonly interfacesPath: string;
  /** `<address> ssh-ed25519 AAAA...`; changes after `bed.rekey(k)`. */
  knownHostsLine: string;
  /** `SHA256:...` as `ssh-keygen -lf` prints it; changes after `bed.rekey(k)`. */
  hostKeyFingerprint: string;
  /** Runs `sh -c cmd` inside the host (network, mount and UTS namespace; HOME=/root, clean PATH). */
  run(cmd: string, options?: { input?: string; timeoutMs?: number }): Promise<RunResult>;
  /** Like `run`, but rejects unless the command exits 0; resolves to its stdout. */
  runOk(cmd: string, options?: { input?: string; timeoutMs?: number }): Promise<string>;
}

/** Users besides root on every host; all log in with the bed's `identityFile`. */
export const BED_USERS = {
  /** `sudo` without a password (NOPASSWD). */
  sudoNoPassword: 'deploy',
  /** `sudo` asks for `sudoPassword`. */
  sudoWithPassword: 'deploypw',
  sudoPassword: 'netloom-bed',
} as const;

export interface Bed {
  readonly prefix: string;
  readonly hosts: readonly BedHost[];
  readonly users: typeof BED_USERS;
  readonly identityFile: string;
  /** known_hosts with every host's current key (rewritten by `rekey`). */
  readonly knownHostsFile: string;
  cut(k: number): Promise<void>;
  heal(k: number): Promise<void>;
  cutData(k: number): Promise<void>;
  healData(k: number): Promise<void>;
  /** New host key for host k and sshd restarted: the "changed host key" case. */
  rekey(k: number): Promise<void>;
  restartSshd(k: number): Promise<void>;
  /** Removes everything the bed made: namespaces, veths, processes, /etc/netns dirs, routes. */
  destroy(): Promise<void>;
}

export interface CreateBedOptions {
  /** 1-7 lowercase letters/digits; unique per test file so parallel runs never collide. */
  readonly prefix: string;
  /** Keep hosts from an earlier run instead of starting clean (default: destroy first). */
  readonly reuse?: boolean;
}

function runProcess(
  file: string,
  args: readonly string[],
  options: { input?: string; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      file,
      args,
      {
        encoding: 'utf8',
        timeout: options.timeoutMs ?? 120_000,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, BED_QUIET: '1' },
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new Error(`${file} ${args.join(' ')}: ${error.message}\n${stderr}`));
          return;
        }
        resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
      },
    );
    // A command that exits without reading its input closes the pipe first (EPIPE): its exit status says what happened.
    child.stdin?.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') reject(e);
    });
    child.stdin?.end(options.input ?? '');
  });
}

async function bedScript(prefix: string, args: readonly string[]): Promise<string> {
  const result = await runProcess(BED_SCRIPT, [...args, '--prefix', prefix]);
  if (result.code !== 0)
    throw new Error(`bed.sh ${args.join(' ')} --prefix ${prefix} failed (${result.code}): ${result.stderr}`);
  return result.stdout;
}

interface InfoLine {
  readonly index: number;
  readonly ns: string;
  readonly address: string;
  readonly port: number;
  readonly fingerprint: string;
}

function parseInfo(text: string): InfoLine[] {
  return text
    .trim()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [index, ns, address, port, fingerprint] = line.split(' ');
      if (!index || !ns || !address || !port || !fingerprint) throw new Error(`bed.sh info: unexpected line '${line}'`);
      return { index: Number(index), ns, address, port: Number(port), fingerprint };
    });
}

/** Creates a bed of `n` hosts (see the module comment); always `destroy()` it in `afterAll`. */
export async function createBed(n: number, options: CreateBedOptions): Promise<Bed> {
  const { prefix } = options;
  if (!options.reuse) await bedScript(prefix, ['destroy']);
  await bedScript(prefix, ['create', String(n)]);
  const stateDir = `/run/netloom-bed/${prefix}`;
  const identityFile = `${stateDir}/id_ed25519`;
  const knownHostsFile = `${stateDir}/known_hosts`;

  const keyLines = async (): Promise<Map<string, string>> => {
    const text = await readFile(knownHostsFile, 'utf8');
    return new Map(
      text
        .trim()
        .split('\n')
        .map((line) => [line.split(' ')[0] ?? '', line]),
    );
  };
  const lines = await keyLines();

  const hosts = parseInfo(await bedScript(prefix, ['info'])).map((info): BedHost => {
    const exec = (cmd: string, opts?: { input?: string; timeoutMs?: number }) =>
      runProcess(BED_SCRIPT, ['exec', String(info.index), '--prefix', prefix, '--', 'sh', '-c', cmd], opts);
    const base = info.address.split('.').slice(0, 3).join('.');
    return {
      index: info.index,
      name: info.ns,
      ns: info.ns,
      mgmtAddress: info.address,
      gatewayAddress: `${base}.1`,
      sshPort: info.port,
      dataPort: { hostLink: 'eth1', rootLink: `${prefix}${info.index}-data` },
      mgmtPort: { hostLink: 'eth0', rootLink: `${prefix}${info.index}-mgmt` },
      identityFile,
      etcDir: `/etc/netns/${info.ns}`,
      interfacesPath: `/etc/netns/${info.ns}/network/interfaces`,
      knownHostsLine: lines.get(info.address) ?? '',
      hostKeyFingerprint: info.fingerprint,
      run: exec,
      async runOk(cmd, opts) {
        const result = await exec(cmd, opts);
        if (result.code !== 0) throw new Error(`on ${info.ns}: '${cmd}' exited ${result.code}: ${result.stderr}`);
        return result.stdout;
      },
    };
  });
  if (hosts.length < n) throw new Error(`bed '${prefix}': asked for ${n} hosts, ${hosts.length} came up`);

  const host = (k: number): BedHost => {
    const found = hosts[k - 1];
    if (!found) throw new Error(`bed '${prefix}' has no host ${k} (hosts are 1..${hosts.length})`);
    return found;
  };
  const linkCommand = (verb: string) => async (k: number) => {
    await bedScript(prefix, [verb, String(host(k).index)]);
  };

  return {
    prefix,
    hosts,
    users: BED_USERS,
    identityFile,
    knownHostsFile,
    cut: linkCommand('cut'),
    heal: linkCommand('heal'),
    cutData: linkCommand('cut-data'),
    healData: linkCommand('heal-data'),
    restartSshd: linkCommand('restart-sshd'),
    async rekey(k) {
      const target = host(k);
      await bedScript(prefix, ['rekey', String(k)]);
      const info = parseInfo(await bedScript(prefix, ['info'])).find((line) => line.index === k);
      target.hostKeyFingerprint = info?.fingerprint ?? '';
      target.knownHostsLine = (await keyLines()).get(target.mgmtAddress) ?? '';
    },
    async destroy() {
      await bedScript(prefix, ['destroy']);
    },
  };
}
