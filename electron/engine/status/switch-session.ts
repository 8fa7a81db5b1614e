/**
 * What the switch poller needs from a switch: a CLI session that types one
 * show command and returns its output, and a way to open one. The SSH
 * layer's `CliShell` fits; unit tests use a fake.
 */
import type { SwitchVendor } from '../../../shared/model/index.js';
import type { SendOptions, SshTarget } from '../ssh/index.js';

/** Where a switch's CLI is reached: the same shape as a host's SSH target. */
export type SwitchTarget = Required<SshTarget>;

export interface SwitchSession {
  send(line: string, options?: SendOptions): Promise<string>;
  close(): void;
}

/** Opens a CLI session at the privileged prompt with paging off; rejects with the SSH layer's errors. */
export type SwitchConnector = (
  target: SwitchTarget,
  vendor: SwitchVendor,
  options: { readonly timeoutMs: number },
) => Promise<SwitchSession>;
