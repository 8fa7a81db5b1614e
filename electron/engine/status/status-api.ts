/**
 * The live-status part of the backend API: one `StatusService` whose updates
 * become `didChangeStatus` events for every connected renderer.
 */
import type { StatusApi } from '../../../shared/api.js';
import type { BackendContext } from '../backend-context.js';
import { sshConnector, sshSwitchConnector } from './ssh-connector.js';
import { STATUS_READERS } from './readers.js';
import { StatusService } from './status-service.js';
import type { StatusConnector } from './status-session.js';
import type { SwitchConnector } from './switch-session.js';

export interface StatusApiOptions {
  /** How hosts are reached; default: the SSH layer with the user's keys and known_hosts. */
  readonly connector?: StatusConnector;
  /** How switches are reached; default: the SSH layer's CLI sessions, with the same keys. */
  readonly switchConnector?: SwitchConnector;
}

export function createStatusApi(context: BackendContext, options: StatusApiOptions = {}): StatusApi {
  const service = new StatusService(
    options.connector ?? sshConnector(),
    (update) => context.emitter.emit('didChangeStatus', update),
    STATUS_READERS,
    options.switchConnector ?? sshSwitchConnector(),
  );
  // Quitting closes every polling session, so `serve` and the app exit promptly.
  context.onDispose?.(() => service.stop());
  return {
    startStatus: (design, settings) => service.start(design, settings),
    stopStatus: () => service.stop(),
  };
}
