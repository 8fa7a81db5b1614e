/**
 * Test helpers: a real ssh2 client logged in to a test switch over loopback,
 * with the switch's host key checked, and a raw terminal driver that waits on
 * output (not on the clock).
 */
import { connect as tcpConnect } from 'node:net';
import ssh2, { type Client, type ClientChannel } from 'ssh2';
import { openShellChannel } from '../../electron/engine/ssh/cli-shell.js';
import type { TestSwitch } from './test-switch.js';

export interface Login {
  readonly client: Client;
  readonly channel: ClientChannel;
  readonly where: string;
}

/** Logs in as the switch's user with `password` and opens the CLI. */
export async function login(sw: TestSwitch, password: string): Promise<Login> {
  const client = new ssh2.Client();
  const sock = tcpConnect({ host: sw.address, port: sw.port });
  sock.setNoDelay(true);
  const expected = ssh2.utils.parseKey(sw.hostPublicKey);
  if (expected instanceof Error || Array.isArray(expected)) throw new Error('bad host key');
  await new Promise<void>((resolve, reject) => {
    client.once('ready', () => resolve());
    client.once('error', reject);
    client.once('close', () => reject(new Error('connection closed during login')));
    sock.once('connect', () =>
      client.connect({
        sock,
        username: sw.user,
        password,
        hostVerifier: (key: Buffer) => key.equals(expected.getPublicSSH()),
        readyTimeout: 5_000,
      }),
    );
    sock.once('error', reject);
  });
  const where = `${sw.address}:${sw.port}`;
  return { client, channel: await openShellChannel(client, where), where };
}

/** Types at the raw terminal and waits for what the switch prints. */
export class RawTerminal {
  text = '';
  private wake: (() => void) | undefined;
  private closed = false;

  constructor(readonly channel: ClientChannel) {
    channel.on('data', (chunk: Buffer) => {
      this.text += chunk.toString('utf8');
      this.wake?.();
    });
    channel.on('close', () => {
      this.closed = true;
      this.wake?.();
    });
  }

  /** Waits until the output since `from` matches; resolves with that output. */
  async until(pattern: RegExp, from = 0): Promise<string> {
    for (;;) {
      const seen = this.text.slice(from);
      if (pattern.test(seen)) return seen;
      if (this.closed) throw new Error(`session closed before ${pattern}; got ${JSON.stringify(seen)}`);
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** Types `keys` and waits for `pattern` in what follows. */
  async type(keys: string, pattern: RegExp): Promise<string> {
    const from = this.text.length;
    this.channel.write(keys);
    return this.until(pattern, from);
  }

  /** Waits for the session to end. */
  async ended(): Promise<void> {
    while (!this.closed) await new Promise<void>((resolve) => (this.wake = resolve));
  }
}
