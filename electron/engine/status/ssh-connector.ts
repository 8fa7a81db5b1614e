/**
 * Status sessions over the SSH layer: the user's keys (or one identity file)
 * and host keys checked against known_hosts and Netloom's store. Hosts get an
 * exec session; switches a CLI session (`CliShell` on a shell channel).
 */
import { CliShell, connect, HostKeyTrust, type ConnectOptions } from '../ssh/index.js';
import type { StatusConnector } from './status-session.js';
import type { SwitchConnector } from './switch-session.js';

export interface SshConnectorOptions {
  readonly identityFile?: string;
  /** Trust only this known_hosts file (plus Netloom's store) instead of the user's defaults. */
  readonly knownHostsFile?: string;
}

function connectOptions(options: SshConnectorOptions): (timeoutMs: number) => ConnectOptions {
  const trust = new HostKeyTrust(
    options.knownHostsFile === undefined ? {} : { knownHostsFiles: [options.knownHostsFile] },
  );
  return (timeoutMs) => ({
    trust,
    timeoutMs,
    ...(options.identityFile !== undefined && { identityFile: options.identityFile }),
  });
}

export function sshConnector(options: SshConnectorOptions = {}): StatusConnector {
  const connectWith = connectOptions(options);
  return (host, { timeoutMs }) =>
    connect({ address: host.ssh.address, port: host.ssh.port, user: host.ssh.user }, connectWith(timeoutMs));
}

/** CLI sessions to switches; the status commands need no enable secret (a switch that asks for one refuses with `SshAuthError`). */
export function sshSwitchConnector(options: SshConnectorOptions = {}): SwitchConnector {
  const connectWith = connectOptions(options);
  return async (target, vendor, { timeoutMs }) => {
    const session = await connect(target, connectWith(timeoutMs));
    try {
      const cli = await CliShell.open(await session.shell(), {
        vendor,
        where: `${target.address}:${target.port}`,
        timeoutMs,
      });
      return {
        send: (line, sendOptions) => cli.send(line, sendOptions),
        close: () => {
          cli.close();
          session.close();
        },
      };
    } catch (e) {
      session.close();
      throw e;
    }
  };
}
