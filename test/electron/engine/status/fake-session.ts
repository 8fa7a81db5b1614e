import type { ExecResult, ShellCommand } from '../../../../electron/engine/ssh/index.js';
import type { StatusConnector, StatusSession } from '../../../../electron/engine/status/status-session.js';

export interface FakeHost {
  /** What the next exec answers: output text, or an error to throw. */
  answer: () => string | Error;
  connectError?: Error;
}

/** A connector whose sessions answer from `hosts` by address and record every command and connect. */
export function fakeConnector(hosts: Record<string, FakeHost>) {
  const commands: string[] = [];
  const connects: string[] = [];
  const sessions: { closed: boolean }[] = [];
  const connector: StatusConnector = async (host) => {
    connects.push(host.ssh.address);
    const fake = hosts[host.ssh.address];
    if (!fake) throw new Error(`no fake host at ${host.ssh.address}`);
    if (fake.connectError) throw fake.connectError;
    const session: StatusSession & { closed: boolean } = {
      closed: false,
      async exec(command: ShellCommand): Promise<ExecResult> {
        commands.push(command);
        const answer = fake.answer();
        if (answer instanceof Error) throw answer;
        return { code: 0, signal: null, stdout: answer, stderr: '' };
      },
      close() {
        this.closed = true;
      },
    };
    sessions.push(session);
    return session;
  };
  return { connector, commands, connects, sessions };
}
