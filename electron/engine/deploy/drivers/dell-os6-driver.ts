/**
 * Dell EMC OS6: no device-side revert timer. The change goes to the
 * running-config only; once verified from a new session it is copied to the
 * startup-config. Undoing it types the inverse lines (`switchChange`); a
 * switch that cannot be reached keeps its old startup-config, and a reload
 * restores it.
 */
import { SNIPPET } from '../../../../shared/targets/switch-common/switch-target.js';
import type { DeployDriver } from '../driver.js';
import { SAVE_QUESTIONS } from '../../ssh/cli-shell.js';
import { SwitchDriver, type SwitchMechanics } from './switch-driver.js';

export const dellOs6Mechanics: SwitchMechanics = {
  vendor: 'dell-os6',
  revertsByItself: false,
  async precheck() {},
  async backupOnDevice(cli) {
    await cli.send('copy running-config backup-config', { answers: [SAVE_QUESTIONS['dell-os6']] });
    return 'backup-config';
  },
  async enterConfiguration(cli) {
    await cli.send('configure');
  },
  async makePermanent(cli) {
    await cli.send('copy running-config startup-config', { answers: [SAVE_QUESTIONS['dell-os6']] });
  },
  async revertNow(cli, change) {
    await cli.send('configure');
    for (const line of change.inverse) await cli.send(line);
    await cli.send('end');
  },
};

export const dellOs6Driver: DeployDriver = {
  candidate: { target: 'dell-os6', path: SNIPPET },
  create: (device, context) => new SwitchDriver(device, context, dellOs6Mechanics),
};
