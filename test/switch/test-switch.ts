/**
 * A test double of a Dell EMC OS6 or Cisco IOS switch: an SSH server (ssh2)
 * on 127.0.0.1 whose only service is the interactive CLI, with a running- and
 * a startup-config, the IOS archive and revert timer, and faults a test can
 * inject. What it models, and from which vendor documents, is listed in
 * README.md under "Test switch".
 *
 * ```ts
 * const sw = await TestSwitch.start({ vendor: 'cisco-ios', password: 'pw', enableSecret: 'en' });
 * // ... connect to sw.address:sw.port as sw.user ...
 * await sw.close();
 * ```
 */
import { generateKeyPairSync } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import ssh2, { type AuthContext, type Connection, type ParsedKey, type Server } from 'ssh2';
import type { SwitchVendor } from '../../shared/model/schema.js';
import type { RevertTimer, SwitchCore } from './commands.js';
import { SwitchConfig } from './config-state.js';
import type { LacpPartner, LinkFacts } from './show.js';
import { CliTerminal, type LineFaults } from './terminal.js';
import { VENDOR_CLI } from './vendor-cli.js';

export interface SwitchFaults extends LineFaults {
  /** Once the running-config changes, new SSH sessions are refused until the change is reverted (a push that cut management access). */
  lockoutAfterChange?: boolean;
}

export interface TestSwitchOptions {
  readonly vendor: SwitchVendor;
  readonly hostname?: string;
  /** Ports in the model's long form; default: two stacked units of 24 ten-gigabit ports. */
  readonly ports?: readonly string[];
  /** Default `admin`. */
  readonly user?: string;
  readonly password?: string;
  /** An OpenSSH public key line the user may log in with. */
  readonly authorizedKey?: string;
  readonly enableSecret?: string;
  /** Sessions start in privileged EXEC (a privilege-15 user) instead of user EXEC. */
  readonly privilegedLogin?: boolean;
  /** How long one "minute" of the IOS revert timer lasts; default 60 000 ms. Tests shorten it. */
  readonly minuteMs?: number;
  /** Configuration lines run in global configuration mode before the first session (for example the IOS archive). */
  readonly setup?: readonly string[];
  readonly faults?: SwitchFaults;
}

interface PendingRevert {
  readonly snapshot: SwitchConfig;
  readonly file: string;
  readonly user: string;
  minutes: number;
  deadline: number;
  timer: NodeJS.Timeout | undefined;
}

export class TestSwitch implements SwitchCore {
  readonly vendor: SwitchVendor;
  readonly user: string;
  readonly address = '127.0.0.1';
  port = 0;
  /** The host key's public half, OpenSSH format (`ecdsa-sha2-nistp256 AAAA...`). */
  readonly hostPublicKey: string;
  running: SwitchConfig;
  startup: SwitchConfig;
  backup: SwitchConfig | undefined;
  readonly flash = new Map<string, SwitchConfig>();
  readonly enableSecret: string | undefined;
  faults: SwitchFaults;
  /** How long one "minute" of the revert timer lasts, read whenever a timer is armed (tests shorten it). */
  minuteMs: number;
  readonly links: { up: Set<string>; partners: Map<string, LacpPartner> } & LinkFacts = {
    up: new Set(),
    partners: new Map(),
  };
  private lockedOut = false;
  private pending: PendingRevert | undefined;
  private archiveCount = 0;
  private readonly server: Server;
  private readonly connections = new Set<Connection>();
  private readonly revertListeners = new Set<() => void>();
  private readonly authorizedKey: ParsedKey | undefined;

  private constructor(private readonly options: TestSwitchOptions) {
    this.vendor = options.vendor;
    this.user = options.user ?? 'admin';
    this.enableSecret = options.enableSecret;
    this.faults = { ...options.faults };
    this.minuteMs = options.minuteMs ?? 60_000;
    this.running = new SwitchConfig(
      options.vendor,
      options.hostname ?? VENDOR_CLI[options.vendor].defaultHostname,
      options.ports ?? VENDOR_CLI[options.vendor].defaultPorts,
    );
    this.startup = this.running.clone();
    const key = options.authorizedKey === undefined ? undefined : ssh2.utils.parseKey(options.authorizedKey);
    if (key instanceof Error) throw new Error(`authorizedKey: ${key.message}`);
    this.authorizedKey = Array.isArray(key) ? key[0] : key;
    // A fresh ECDSA host key per switch, in the SEC1 PEM form ssh2 reads.
    const { privateKey } = generateKeyPairSync('ec', {
      namedCurve: 'prime256v1',
      privateKeyEncoding: { type: 'sec1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const parsed = ssh2.utils.parseKey(privateKey);
    if (parsed instanceof Error || Array.isArray(parsed)) throw new Error('cannot read the generated host key');
    this.hostPublicKey = `${parsed.type} ${parsed.getPublicSSH().toString('base64')}`;
    this.server = new ssh2.Server({ hostKeys: [privateKey] }, (client) => this.accept(client));
  }

  static async start(options: TestSwitchOptions): Promise<TestSwitch> {
    const sw = new TestSwitch(options);
    await sw.runSetup(options.setup ?? []);
    sw.server.listen(0, sw.address);
    await once(sw.server, 'listening');
    sw.port = (sw.server.address() as AddressInfo).port;
    return sw;
  }

  /** The running-config as `show running-config` prints it, without the header. */
  runningConfig(): string {
    return `${this.running.render().join('\n')}\n`;
  }

  startupConfig(): string {
    return `${this.startup.render().join('\n')}\n`;
  }

  /** Whether an IOS revert timer is armed. */
  get revertPending(): boolean {
    return this.pending !== undefined;
  }

  /** Whether new sessions are refused (the lockout fault fired and nothing reverted it yet). */
  get refusingSessions(): boolean {
    return this.lockedOut;
  }

  /** Called when a revert (timer or `configure revert now`) restored the configuration; returns the unsubscribe. */
  onDidRevert(listener: () => void): () => void {
    this.revertListeners.add(listener);
    return () => this.revertListeners.delete(listener);
  }

  /** Number of SSH connections open now. */
  get connectionCount(): number {
    return this.connections.size;
  }

  async close(): Promise<void> {
    if (this.pending) clearTimeout(this.pending.timer);
    for (const client of this.connections) client.end();
    this.server.close();
    if (this.server.listening) await once(this.server, 'close');
  }

  // SwitchCore

  changed(): void {
    if (this.faults.lockoutAfterChange) this.lockedOut = true;
  }

  startRevertTimer(minutes: number, user: string): string | undefined {
    const path = this.running.archive?.path;
    if (path === undefined) return undefined;
    // Armed again before it fired: the timer restarts, the archived configuration stays the one from before the first change.
    this.pending ??= {
      snapshot: this.running.clone(),
      file: `${path}-${this.archiveCount++}`,
      user,
      minutes,
      deadline: 0,
      timer: undefined,
    };
    this.armTimer(minutes);
    return this.pending.file;
  }

  confirmRevert(): boolean {
    if (!this.pending) return false;
    clearTimeout(this.pending.timer);
    this.pending = undefined;
    return true;
  }

  revertNow(): string | undefined {
    const file = this.pending?.file;
    if (file !== undefined) this.revert();
    return file;
  }

  resetRevertTimer(minutes: number): boolean {
    if (!this.pending) return false;
    this.armTimer(minutes);
    return true;
  }

  archiveListing(): { next: string; maximum: number; files: string[] } | undefined {
    const archive = this.running.archive;
    if (archive?.path === undefined) return undefined;
    const files = Array.from({ length: this.archiveCount }, (_, i) => `${archive.path}-${i}`);
    return { next: `${archive.path}-${this.archiveCount}`, maximum: archive.maximum ?? 10, files };
  }

  revertTimer(): RevertTimer | undefined {
    const p = this.pending;
    return p && { minutes: p.minutes, remainingMs: Math.max(0, p.deadline - Date.now()), user: p.user };
  }

  private armTimer(minutes: number): void {
    const p = this.pending!;
    clearTimeout(p.timer);
    const ms = minutes * this.minuteMs;
    p.minutes = minutes;
    p.deadline = Date.now() + ms;
    p.timer = setTimeout(() => this.revert(), ms);
  }

  /** The revert timer fired (or `configure revert now`): the running-config is the archived one again. */
  private revert(): void {
    const p = this.pending!;
    clearTimeout(p.timer);
    this.pending = undefined;
    this.running = p.snapshot;
    this.lockedOut = false;
    for (const listener of [...this.revertListeners]) listener();
  }

  private async runSetup(lines: readonly string[]): Promise<void> {
    const sink = { write: () => true, on: () => sink };
    const terminal = new CliTerminal(
      this,
      this.user,
      sink,
      { faults: () => ({}), drop: () => {}, logout: () => {} },
      true,
    );
    terminal.mode = { kind: 'config' };
    for (const line of lines) {
      const printed = await terminal.runLine(line);
      const refused = printed.find((l) => l.startsWith('%'));
      if (refused) throw new Error(`test switch setup line ${JSON.stringify(line)} refused: ${refused}`);
    }
    this.startup = this.running.clone();
    // Setup is how the switch was before the test, not a push: faults do not count it.
    this.lockedOut = false;
  }

  private accept(client: Connection): void {
    if (this.lockedOut) {
      client.end();
      return;
    }
    this.connections.add(client);
    // As OpenSSH does for interactive sessions: each echo and prompt leaves at once (no Nagle delay).
    // (ssh2's server Connection has `setNoDelay`; its type declarations leave it out.)
    (client as Connection & { setNoDelay(noDelay: boolean): Connection }).setNoDelay(true);
    client.on('close', () => this.connections.delete(client));
    client.on('error', () => this.connections.delete(client));
    client.on('authentication', (ctx) => this.authenticate(ctx));
    client.on('ready', () => {
      client.on('session', (acceptSession) => {
        const session = acceptSession();
        session.on('pty', (accept) => accept?.());
        session.on('window-change', (accept) => accept?.());
        session.on('env', (accept) => accept?.());
        // A switch has no exec or subsystem service, only its CLI.
        session.on('exec', (_accept, reject) => reject?.());
        session.on('subsystem', (_accept, reject) => reject?.());
        session.on('shell', (accept) => {
          const stream = accept();
          const terminal = new CliTerminal(
            this,
            this.user,
            stream,
            {
              faults: () => this.faults,
              drop: () => {
                stream.destroy();
                client.end();
              },
              logout: () => {
                stream.exit(0);
                stream.end();
              },
            },
            this.options.privilegedLogin ?? false,
          );
          void terminal.run();
        });
      });
    });
  }

  private authenticate(ctx: AuthContext): void {
    const methods: ('password' | 'publickey')[] = [];
    if (this.options.password !== undefined) methods.push('password');
    if (this.authorizedKey) methods.push('publickey');
    if (ctx.username !== this.user) return ctx.reject(methods);
    if (ctx.method === 'password' && this.options.password !== undefined && ctx.password === this.options.password)
      return ctx.accept();
    const key = this.authorizedKey;
    if (ctx.method === 'publickey' && key && ctx.key.algo === key.type && ctx.key.data.equals(key.getPublicSSH())) {
      if (!ctx.signature) return ctx.accept();
      if (key.verify(ctx.blob!, ctx.signature, ctx.hashAlgo) === true) return ctx.accept();
    }
    ctx.reject(methods);
  }
}
