/** `netloom deploy` (built: `node build/compile.mjs`) refuses bad requests before connecting to anything (exit 2). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatchApiCall } from '../../../electron/api-dispatch.js';
import { createBackend } from '../../../electron/backend.js';
import { parseDesign } from '../../../shared/load/index.js';
import { markRootCommands, ROOT_MARK } from '../../../electron/cli/deploy.js';
import { EXAMPLE, runCli } from '../../helpers/cli.js';
import { exampleJson } from '../../helpers/design.js';

const dir = mkdtempSync(join(tmpdir(), 'netloom-deploy-cli-'));

describe('netloom deploy', () => {
  it('marks the lines of the new file that run commands as root in the diff it prints', () => {
    const diff = [
      '--- a/etc/network/interfaces',
      '+++ b/etc/network/interfaces',
      '@@ -1,4 +1,6 @@',
      ' iface eth0 inet manual',
      '-\tpost-up old',
      '+\tpost_up ip route add 192.0.2.0/24 \\',
      '+\t    via 10.0.0.1',
      '+\tmtu 9000',
      ' \tpre-down kept',
      '',
    ].join('\n');
    const marked = markRootCommands(diff).split('\n');
    expect(marked.filter((l) => l.endsWith(ROOT_MARK)).map((l) => l.slice(0, -ROOT_MARK.length))).toEqual([
      '+\tpost_up ip route add 192.0.2.0/24 \\',
      '+\t    via 10.0.0.1',
      ' \tpre-down kept',
    ]);
    expect(marked.length).toBe(diff.split('\n').length);
  });

  it('refuses to deploy without a terminal to ask and without --yes', () => {
    const run = runCli(['deploy', EXAMPLE]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('refusing to deploy without a terminal to ask for confirmation; pass --yes');
  });

  it('names a host that is not in the design', () => {
    const run = runCli(['deploy', EXAMPLE, '--host', 'nope', '--dry-run']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no host or switch named "nope" in the design (devices: ms01, n4032)');
  });

  it('refuses a host without an SSH target', () => {
    const json = exampleJson();
    delete json.hosts[0].ssh;
    const file = join(dir, 'no-ssh.netloom.json');
    writeFileSync(file, JSON.stringify(json));
    const run = runCli(['deploy', file, '--host', 'ms01', '--dry-run']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('host "ms01" has no SSH target');
  });

  it('refuses a confirm timeout too short to reconnect in', () => {
    const run = runCli(['deploy', EXAMPLE, '--confirm-timeout', '2', '--yes']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('must be a whole number of seconds from 5 to 3600');
  });

  it('refuses a design that does not load, naming the path', () => {
    const json = exampleJson();
    json.hosts[0].name = 'ms01;reboot';
    const file = join(dir, 'bad.netloom.json');
    writeFileSync(file, JSON.stringify(json));
    const run = runCli(['deploy', file, '--yes']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/hosts\[0\]\.name: .*shell metacharacter ';'/);
  });

  it('refuses a design with rule errors exactly as the API (app, serve) does', async () => {
    const json = exampleJson();
    json.hosts[0].ports[2].mtu = 9000;
    const file = join(dir, 'rule-errors.netloom.json');
    writeFileSync(file, JSON.stringify(json));
    const cli = runCli(['deploy', file, '--dry-run']);

    const parsed = parseDesign(JSON.stringify(json));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const backend = createBackend({ dataDir: mkdtempSync(join(dir, 'data-')) });
    const reply = await dispatchApiCall(backend.api, 'prepareDeploy', [
      parsed.design,
      { hosts: [], acceptHostKeys: [] },
    ]);
    await backend.dispose();

    expect(reply).toEqual({
      error: {
        code: 'deploy-refused',
        message: expect.stringMatching(/^the design has errors; fix them before deploying\n {2}error mtu\//),
      },
    });
    const message = 'error' in reply ? reply.error.message : '';
    expect(cli.status).toBe(2);
    expect(cli.stderr).toBe(`netloom: ${file}: ${message}\n`);
  });

  it('explains host key trust and --yes in its help', () => {
    const run = runCli(['deploy', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('with --yes it is refused');
    expect(run.stdout).toContain('--confirm-timeout <seconds>');
  });
});
