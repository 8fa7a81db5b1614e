/**
 * Status sessions over the SSH layer: the user's keys (or one identity file)
 * and host keys checked against known_hosts and Netloom's store.
 */
import { connect, HostKeyTrust } from '../ssh/index.js';
import type { StatusConnector } from './status-session.js';

export interface SshConnectorOptions {
  readonly identityFile?: string;
  /** Trust only this known_hosts file (plus Netloom's store) instead of the user's defaults. */
  readonly knownHostsFile?: string;
}

export function sshConnector(options: SshConnectorOptions = {}): StatusConnector {
  const trust = new HostKeyTrust(
    options.knownHostsFile === undefined ? {} : { knownHostsFiles: [options.knownHostsFile] },
  );
  return (host, { timeoutMs }) =>
    connect(
      { address: host.ssh.address, port: host.ssh.port, user: host.ssh.user },
      { trust, timeoutMs, ...(options.identityFile !== undefined && { identityFile: options.identityFile }) },
    );
}
