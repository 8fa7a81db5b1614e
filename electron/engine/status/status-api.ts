/**
 * The live-status part of the backend API: one `StatusService` whose updates
 * become `didChangeStatus` events for every connected renderer.
 */
import type { StatusApi } from '../../../shared/api.js';
import type { BackendContext } from '../backend-context.js';
import { sshConnector } from './ssh-connector.js';
import { StatusService } from './status-service.js';
import type { StatusConnector } from './status-session.js';

export interface StatusApiOptions {
  /** How hosts are reached; default: the SSH layer with the user's keys and known_hosts. */
  readonly connector?: StatusConnector;
}

export function createStatusApi(context: BackendContext, options: StatusApiOptions = {}): StatusApi {
  const service = new StatusService(options.connector ?? sshConnector(), (update) =>
    context.emitter.emit('didChangeStatus', update),
  );
  // Quitting closes every polling session, so `serve` and the app exit promptly.
  context.onDispose?.(() => service.stop());
  return {
    startStatus: (design, settings) => service.start(design, settings),
    stopStatus: () => service.stop(),
  };
}
