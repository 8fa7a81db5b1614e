/**
 * The deploy part of the backend API: prepare (connect, lock, read, check:
 * the diffs), then apply or discard, by deploy id. Progress goes out as
 * `didDeployProgress` events. Host keys: an unknown key fails the host's
 * preparation with its fingerprint; preparing again with that fingerprint
 * in `acceptHostKeys` trusts it. Runs live in memory only; prepared runs
 * are released when the backend is disposed. Planning and refusals are the
 * `DeployService`'s, as for `netloom deploy`.
 */
import { randomBytes } from 'node:crypto';
import type { DeployApi } from '../../../shared/api.js';
import type { BackendContext } from '../backend-context.js';
import type { DeployRun } from './deploy-run.js';
import { DeployService } from './deploy-service.js';
import { saveLocalBackup } from './local-backups.js';
import { sshCliOpener, sshSessionOpener, type SshOpenerOptions } from './ssh-session.js';

export interface DeployApiOptions {
  /** Default: one with every driver; tests pass one with fake drivers. */
  readonly service?: DeployService;
}

export function createDeployApi(context: BackendContext, options: DeployApiOptions = {}): DeployApi {
  const service = options.service ?? new DeployService();
  const runs = new Map<string, DeployRun>();
  // Quitting releases hosts that were prepared but never applied (a running apply needs no
  // help: unconfirmed hosts revert by themselves).
  context.onDispose?.(async () => {
    const prepared = [...runs.values()];
    runs.clear();
    await Promise.all(prepared.map((run) => run.discard().catch(() => undefined)));
  });

  const take = (deployId: string): DeployRun => {
    const run = runs.get(deployId);
    if (!run) throw new Error(`no prepared deploy ${deployId} (already applied or discarded?)`);
    runs.delete(deployId);
    return run;
  };

  return {
    async prepareDeploy(design, request) {
      const plan = service.plan(design, request.hosts);
      const deployId = randomBytes(8).toString('hex');
      const ssh: SshOpenerOptions = {
        dataDir: context.dataDir,
        acceptUnknownKey: async (question) => request.acceptHostKeys.includes(question.fingerprint),
        // Without one typed in the panel, a switch that refuses every key says no password was given.
        ...(request.switchPassword !== undefined
          ? { knownSwitchPassword: request.switchPassword }
          : { switchPassword: async () => undefined }),
        enableSecret: async () => request.enableSecret,
      };
      const run = service.start(plan, {
        openSession: sshSessionOpener(ssh),
        openCli: sshCliOpener(ssh),
        saveLocalBackup: (host, live, stamp, name) => saveLocalBackup(context.dataDir, host, live, stamp, 10, name),
        onProgress: (event) => context.emitter.emit('didDeployProgress', { deployId, ...event }),
      });
      runs.set(deployId, run);
      const hosts = await run.prepare();
      return { deployId, hosts, skipped: plan.skipped, groups: plan.groups };
    },
    applyDeploy: async (deployId, revertIn) => take(deployId).apply({ revertIn }),
    discardDeploy: async (deployId) => take(deployId).discard(),
  };
}
