/**
 * `netloom deploy` (built) to a switch: the example's switch pointed at a test switch, the login
 * password and enable secret from the environment (no terminal), the plan and verdict printed.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { knownHostsName } from '../../../electron/engine/ssh/index.js';
import { ROOT } from '../../helpers/cli.js';
import { exampleJson } from '../../helpers/design.js';
import { TestSwitch } from '../../switch/test-switch.js';

const run = promisify(execFile);
const switches: TestSwitch[] = [];
afterEach(async () => {
  await Promise.all(switches.splice(0).map((sw) => sw.close()));
});

describe('netloom deploy to a switch', () => {
  it('deploys the Dell OS6 switch with the password and enable secret from the environment', async () => {
    const sw = await TestSwitch.start({ vendor: 'dell-os6', password: 'pw-1', enableSecret: 'en-1' });
    switches.push(sw);
    const dir = mkdtempSync(join(tmpdir(), 'netloom-deploy-switch-cli-'));
    const json = exampleJson();
    json.switches[0].ssh = { address: sw.address, port: sw.port, user: sw.user };
    const design = join(dir, 'design.netloom.json');
    writeFileSync(design, JSON.stringify(json));
    const knownHosts = join(dir, 'known_hosts');
    writeFileSync(knownHosts, `${knownHostsName(sw.address, sw.port)} ${sw.hostPublicKey}\n`);
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      NETLOOM_DATA_DIR: join(dir, 'data'),
      NETLOOM_SWITCH_PASSWORD: 'pw-1',
      NETLOOM_ENABLE_SECRET: 'en-1',
    };
    const { stdout } = await run(
      process.execPath,
      [`${ROOT}bin/netloom.js`, 'deploy', design, '--host', 'n4032', '--yes', '--known-hosts', knownHosts],
      { env, timeout: 60_000 },
    );
    expect(stdout).toContain('=== n4032: running-config (settings Netloom manages)');
    expect(stdout).toContain('+switchport trunk native vlan 240');
    expect(stdout).toMatch(/^n4032 +confirmed$/m);
    expect(sw.startupConfig()).toBe(sw.runningConfig());
    expect(sw.runningConfig()).toContain('channel-group 8 mode active');
    // The secrets never reach the output.
    expect(stdout).not.toMatch(/pw-1|en-1/);
  });
});
