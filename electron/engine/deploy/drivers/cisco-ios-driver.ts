/**
 * Cisco IOS / IOS-XE: commit-confirmed with the configuration archive
 * (Configuration Replace and Configuration Rollback, "Rollback Confirmed
 * Change"). `show archive` must show a path, else the deploy is refused with
 * the lines that enable it; the switch reverts by itself unless confirmed.
 */
import { SNIPPET } from '../../../../shared/targets/switch-common/switch-target.js';
import type { DeployDriver } from '../driver.js';
import { CandidateError } from '../errors.js';
import { SAVE_QUESTIONS } from '../../ssh/cli-shell.js';
import { SwitchDriver, type SwitchMechanics } from './switch-driver.js';

const ARCHIVE_ON = /next archive file will be named/i;

export const ciscoIosMechanics: SwitchMechanics = {
  vendor: 'cisco-ios',
  revertsByItself: true,
  async precheck(cli) {
    const archive = await cli.send('show archive');
    if (!ARCHIVE_ON.test(archive))
      throw new CandidateError(
        'the configuration archive is off, so the switch cannot revert an unconfirmed change by itself; ' +
          'enable it once (configure terminal / archive / path flash:netloom / maximum 14 / end) and deploy again',
        archive,
      );
  },
  async backupOnDevice(cli, stamp) {
    const file = `netloom-${stamp}.cfg`;
    await cli.send(`copy running-config flash:${file}`, {
      answers: [{ question: /Destination filename \[[^\]\r\n]*\]\? ?$/, reply: 'default' }],
    });
    return `flash:${file}`;
  },
  async enterConfiguration(cli, minutes) {
    await cli.send(`configure terminal revert timer ${minutes}`);
  },
  async makePermanent(cli) {
    await cli.send('configure confirm');
    await cli.send('write memory', { answers: [SAVE_QUESTIONS['cisco-ios']] });
  },
  async revertNow(cli) {
    await cli.send('configure revert now');
  },
};

export const ciscoIosDriver: DeployDriver = {
  candidate: { target: 'cisco-ios', path: SNIPPET },
  create: (device, context) => new SwitchDriver(device, context, ciscoIosMechanics),
};
