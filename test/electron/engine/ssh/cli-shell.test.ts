import { afterEach, describe, expect, it } from 'vitest';
import {
  CliCommandError,
  CliShell,
  CliUnsafeLineError,
  promptAtEnd,
  SAVE_QUESTIONS,
  type CliShellOptions,
} from '../../../../electron/engine/ssh/cli-shell.js';
import { SshAuthError, SshConnectionError, SshTimeoutError } from '../../../../electron/engine/ssh/errors.js';
import type { SwitchVendor } from '../../../../shared/model/schema.js';
import { login } from '../../../switch/connect.js';
import { TestSwitch, type TestSwitchOptions } from '../../../switch/test-switch.js';

const PASSWORD = 'switch-pw';
const SECRET = 'en-secret';
const switches: TestSwitch[] = [];
const shells: CliShell[] = [];

async function start(options: Partial<TestSwitchOptions> & { vendor: SwitchVendor }): Promise<TestSwitch> {
  const sw = await TestSwitch.start({ password: PASSWORD, enableSecret: SECRET, ...options });
  switches.push(sw);
  return sw;
}

async function open(sw: TestSwitch, options: Partial<CliShellOptions> = {}): Promise<CliShell> {
  const { channel, where } = await login(sw, PASSWORD);
  const shell = await CliShell.open(channel, { vendor: sw.vendor, where, enableSecret: SECRET, ...options });
  shells.push(shell);
  return shell;
}

afterEach(async () => {
  for (const shell of shells.splice(0)) shell.close();
  await Promise.all(switches.splice(0).map((sw) => sw.close()));
});

describe('promptAtEnd', () => {
  it('reads the mode from the prompt', () => {
    expect(promptAtEnd('\r\nc9300>')).toEqual({ text: 'c9300>', hostname: 'c9300', mode: 'user' });
    expect(promptAtEnd('x\r\nc9300#')).toMatchObject({ mode: 'privileged' });
    expect(promptAtEnd('console(config-if-Te1/0/5)#')).toEqual({
      text: 'console(config-if-Te1/0/5)#',
      hostname: 'console',
      mode: 'config',
      configMode: 'config-if-Te1/0/5',
    });
    expect(promptAtEnd('Switch(config-if-range)#')).toMatchObject({ mode: 'config', configMode: 'config-if-range' });
    expect(promptAtEnd('interface Te1/0/5\r\n')).toBeUndefined();
    expect(promptAtEnd('description has # in it')).toBeUndefined();
  });
});

describe('CliShell against the test switch', () => {
  for (const vendor of ['cisco-ios', 'dell-os6'] as const) {
    it(`enters privileged EXEC on ${vendor}, turns paging off and returns whole outputs`, async () => {
      const sw = await start({ vendor });
      const cli = await open(sw);
      expect(cli.prompt.mode).toBe('privileged');
      const config = await cli.send('show running-config');
      expect(config).not.toContain('--More--');
      expect(config).not.toContain('show running-config');
      expect(config.trimEnd().split('\n').at(-1)).toBe(vendor === 'cisco-ios' ? 'end' : 'exit');
      await cli.send(vendor === 'cisco-ios' ? 'configure terminal' : 'configure');
      expect(cli.prompt.mode).toBe('config');
      await cli.send('interface Te1/0/5');
      expect(cli.prompt.configMode).toBe(vendor === 'cisco-ios' ? 'config-if' : 'config-if-Te1/0/5');
      await cli.send(vendor === 'cisco-ios' ? 'description nas eno1' : 'description "nas eno1"');
      await cli.send('end');
      expect(cli.prompt.mode).toBe('privileged');
      expect(sw.runningConfig()).toMatch(/description "?nas eno1"?/);
    });
  }

  it('pages through on its own when the pager is back on', async () => {
    const sw = await start({
      vendor: 'dell-os6',
      setup: Array.from({ length: 40 }, (_, i) => [`vlan ${100 + i}`, 'exit']).flat(),
    });
    const cli = await open(sw);
    await cli.send('terminal length 24');
    const config = await cli.send('show running-config');
    expect(config).not.toContain('--More--');
    expect(config).not.toContain(String.fromCharCode(8));
    expect(config.trimEnd().split('\n').at(-1)).toBe('exit');
    expect(config).toContain('vlan 139\nexit\nhostname "console"');
  });

  it('names the line the switch refused, with the vendor text', async () => {
    const sw = await start({ vendor: 'cisco-ios' });
    const cli = await open(sw);
    await cli.send('configure terminal');
    const refused = await cli.send('interfase Te1/0/5').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CliCommandError);
    expect(refused).toMatchObject({ line: 'interfase Te1/0/5', reason: 'invalid-input', code: 'command' });
    expect((refused as Error).message).toBe(
      `${sw.address}:${sw.port} refused "interfase Te1/0/5": % Invalid input detected at '^' marker.`,
    );
    await expect(cli.send('interface')).rejects.toMatchObject({ reason: 'incomplete' });
    await cli.send('end');
    await expect(cli.send('c')).rejects.toMatchObject({ reason: 'ambiguous' });
    await expect(cli.send('configure confirm')).rejects.toMatchObject({
      reason: 'error',
      message: expect.stringContaining('%No Rollback Confirmed Change pending'),
    });
    // The session goes on after a refusal.
    expect(cli.prompt.mode).toBe('privileged');
    await cli.send('show running-config');
  });

  it('refuses OS6 error texts too', async () => {
    const sw = await start({ vendor: 'dell-os6' });
    const cli = await open(sw);
    await cli.send('configure');
    await expect(cli.send('interface Te3/0/1')).rejects.toMatchObject({
      reason: 'error',
      message: expect.stringContaining('An invalid interface has been used'),
    });
  });

  it('answers the save questions it is told to, and fails on one it is not', async () => {
    const os6 = await start({ vendor: 'dell-os6' });
    const cli = await open(os6);
    await cli.send('configure');
    await cli.send('vlan 240');
    await cli.send('exit');
    await cli.send('exit');
    await expect(cli.send('copy running-config startup-config')).rejects.toMatchObject({
      reason: 'question',
      message: expect.stringContaining('(y/n)'),
    });
    expect(os6.startupConfig()).not.toContain('vlan 240');
    // The switch still waits for its key: the session is closed rather than let the next line answer it.
    expect(cli.closed).toBe(true);
    await expect(cli.send('show running-config')).rejects.toBeInstanceOf(SshConnectionError);

    const again = await open(os6);
    expect(await again.send('copy running-config startup-config', { answers: [SAVE_QUESTIONS['dell-os6']] })).toContain(
      'Configuration Saved!',
    );
    expect(os6.startupConfig()).toContain('vlan 240');

    const ios = await start({ vendor: 'cisco-ios' });
    const iosCli = await open(ios);
    expect(
      await iosCli.send('copy running-config startup-config', { answers: [SAVE_QUESTIONS['cisco-ios']] }),
    ).toContain('[OK]');
  });

  it('refuses unsafe lines before anything reaches the switch', async () => {
    const sw = await start({ vendor: 'cisco-ios' });
    const cli = await open(sw);
    await cli.send('configure terminal');
    await cli.send('interface Te1/0/5');
    const before = sw.runningConfig();
    for (const line of [
      'description evil\nreload',
      'description evil\rend',
      'description tab\there',
      'description esc\u001b[2J',
      'description help?',
      'description caf\u00e9',
      `description ${'x'.repeat(400)}`,
    ]) {
      await expect(cli.send(line)).rejects.toBeInstanceOf(CliUnsafeLineError);
    }
    await expect(cli.send('description evil\nreload')).rejects.toThrow(
      'the line "description evil\\nreload" holds "\\n" (U+000a): a switch line takes printable ASCII only, without "?"',
    );
    expect(sw.runningConfig()).toBe(before);
    // Still in step with the switch.
    await cli.send('description fine');
    expect(cli.prompt.configMode).toBe('config-if');
  });

  it('says when the enable secret is wrong or missing, without showing it', async () => {
    const sw = await start({ vendor: 'cisco-ios' });
    const { channel, where } = await login(sw, PASSWORD);
    const wrong = await CliShell.open(channel, { vendor: 'cisco-ios', where, enableSecret: 'not-the-secret' }).catch(
      (e: unknown) => e,
    );
    expect(wrong).toBeInstanceOf(SshAuthError);
    expect((wrong as Error).message).toBe(`${where} refused the enable secret`);
    const second = await login(sw, PASSWORD);
    await expect(CliShell.open(second.channel, { vendor: 'cisco-ios', where })).rejects.toThrow(
      `${where} asks for an enable secret and none was given`,
    );
  });

  it('logs in straight to privileged EXEC when the user has it', async () => {
    const sw = await start({ vendor: 'cisco-ios', privilegedLogin: true, enableSecret: undefined });
    const { channel, where } = await login(sw, PASSWORD);
    const cli = await CliShell.open(channel, { vendor: 'cisco-ios', where });
    shells.push(cli);
    expect(cli.prompt).toMatchObject({ hostname: 'Switch', mode: 'privileged' });
  });

  it('times out a slow answer with a typed error', async () => {
    const sw = await start({ vendor: 'cisco-ios' });
    const cli = await open(sw);
    sw.faults.answerDelayMs = 2_000;
    const late = await cli.send('show running-config', { timeoutMs: 100 }).catch((e: unknown) => e);
    expect(late).toBeInstanceOf(SshTimeoutError);
    expect(late).toMatchObject({
      phase: 'exec',
      timeoutMs: 100,
      message: `${sw.address}:${sw.port} did not answer "show running-config" with a prompt within 100 ms`,
    });
    expect(cli.closed).toBe(true);
  });

  it('caps the output of a line', async () => {
    const sw = await start({ vendor: 'cisco-ios' });
    const cli = await open(sw, { maxOutputBytes: 500 });
    await expect(cli.send('show running-config')).rejects.toMatchObject({ reason: 'output-too-large' });
    expect(cli.closed).toBe(true);
  });

  it('reports a session dropped in the middle of a push', async () => {
    const sw = await start({ vendor: 'dell-os6', faults: { dropAfterConfigLines: 2 } });
    const cli = await open(sw);
    await cli.send('configure');
    await cli.send('vlan 240');
    await expect(cli.send('exit')).rejects.toBeInstanceOf(SshConnectionError);
    await expect(cli.send('exit')).rejects.toBeInstanceOf(SshConnectionError);
  });
});
