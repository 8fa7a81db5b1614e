/**
 * The Deploy panel: the diff per host, the confirm window, a progress
 * timeline per host and the final verdicts. Non-modal (no overlay): the
 * canvas stays usable, and while a deploy runs the panel can shrink to a
 * status pill.
 */
import './deploy.css';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { describeOutcome, type HostReport, type Preparation } from '../../../shared/deploy/outcome.js';
import { DEPLOY_STEPS, type DeployProgress } from '../../../shared/deploy/progress.js';
import type { Design, SwitchVendor } from '../../../shared/model/schema.js';
import { hostRootCommands } from '../../../shared/model/root-commands.js';
import { visible } from '../../../shared/text/visible.js';
import {
  applyDeploy,
  closeDeploy,
  prepareAgain,
  readyHosts,
  setMinimised,
  setRevertIn,
  setSwitchLogin,
  trustHostKey,
  useDeployStore,
  type DeployState,
} from './deploy-store.js';
import { applyButton, devicesNamed } from './apply-label.js';

/** How each vendor's switch takes a change and undoes it: said before anyone applies. */
const SWITCH_ROLLBACK: Record<SwitchVendor, string> = {
  'cisco-ios':
    'Cisco IOS: applied under the archive’s revert timer; confirmed and saved (write memory) only after a new session finds it; unconfirmed, the switch reverts by itself.',
  'dell-os6':
    'Dell OS6 has no revert timer: the change goes to the running-config only and is saved to the startup-config once a new session finds it. A failed check is undone with inverse commands; if the switch cannot be reached, its startup-config is unchanged and a reload restores it.',
};

/**
 * Switch login for switches that take no key, folded away since a key usually opens them: kept in this
 * panel's memory, never saved. Open from the start once something is typed (the panel drew again).
 */
/** A password field (the panel keeps its value in memory only): no autocomplete, and React Flow's keys (Delete) ignore it. */
function SecretField(props: { label: string; value: string; onChange: (value: string) => void; testId: string }) {
  return (
    <label className="small">
      {props.label}{' '}
      <input
        type="password"
        className="nokey"
        autoComplete="off"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={props.testId}
      />
    </label>
  );
}

function SwitchLogin({ state }: { state: DeployState }) {
  const [open, setOpen] = useState(() => state.switchPassword !== '' || state.enableSecret !== '');
  return (
    <details
      className="deploy-switch-login"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      data-testid="deploy-switch-login"
    >
      <summary className="small" data-testid="deploy-switch-login-toggle">
        Password (only if key login is refused)
      </summary>
      <div className="deploy-trust">
        <SecretField
          label="Switch password"
          value={state.switchPassword}
          onChange={(switchPassword) => setSwitchLogin({ switchPassword })}
          testId="deploy-switch-password"
        />
        <SecretField
          label="Enable secret"
          value={state.enableSecret}
          onChange={(enableSecret) => setSwitchLogin({ enableSecret })}
          testId="deploy-enable-secret"
        />
        <button
          type="button"
          className="button small"
          onClick={() => void prepareAgain()}
          data-testid="deploy-prepare-again"
        >
          Prepare again
        </button>
      </div>
    </details>
  );
}

function DiffView({ diff }: { diff: string }) {
  return (
    <pre className="deploy-diff" data-testid="deploy-diff">
      {diff.split('\n').map((line, i) => (
        <span
          key={i}
          className={
            line.startsWith('+') && !line.startsWith('+++')
              ? 'add'
              : line.startsWith('-') && !line.startsWith('---')
                ? 'del'
                : line.startsWith('@@')
                  ? 'hunk'
                  : ''
          }
        >
          {visible(line)}
          {'\n'}
        </span>
      ))}
    </pre>
  );
}

/** What the design runs as root on the host, listed before anyone applies it. */
function RootCommands({ design, host }: { design: Design | null; host: string }) {
  const found = design?.hosts.find((h) => h.name === host);
  const commands = found ? hostRootCommands(found) : [];
  if (commands.length === 0) return null;
  return (
    <div className="deploy-root" data-testid="deploy-root-commands">
      <p className="small">
        Runs {commands.length === 1 ? 'a command' : `${commands.length} commands`} as root on {host}:
      </p>
      <ul>
        {commands.map((c, i) => (
          <li key={i} data-testid="deploy-root-command">
            <code>
              {c.key} {visible(c.command)}
            </code>{' '}
            <span className="muted small">{c.element ? c.element.name : 'unmanaged block'}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Timeline({ steps }: { steps: readonly DeployProgress[] }) {
  const last = new Map(steps.map((s) => [s.step, s]));
  const shown = DEPLOY_STEPS.filter((s) => last.has(s));
  if (shown.length === 0) return null;
  return (
    <ol className="deploy-timeline" aria-label="Progress">
      {shown.map((name) => {
        const step = last.get(name)!;
        return (
          <li
            key={name}
            className={`step-${step.state}`}
            title={visible(step.detail ?? '')}
            data-testid={`step-${name}`}
            data-state={step.state}
          >
            {name}
          </li>
        );
      })}
    </ol>
  );
}

function verdictClass(report: HostReport | undefined): string {
  if (!report) return '';
  return report.outcome.kind === 'confirmed' || report.outcome.kind === 'unchanged' || report.outcome.kind === 'checked'
    ? 'ok'
    : 'bad';
}

function HostCard({
  preparation,
  steps,
  report,
  phase,
  design,
}: {
  preparation: Preparation;
  steps: readonly DeployProgress[];
  report?: HostReport;
  phase: DeployState['phase'];
  design: Design | null;
}) {
  const failedStep = [...steps].reverse().find((s) => s.state === 'failed');
  const sw = design?.switches.find((x) => x.name === preparation.host);
  return (
    <section className="deploy-host" data-testid={`deploy-host-${preparation.host}`}>
      <header>
        <strong>{preparation.host}</strong>
        {report ? (
          <span className={`verdict ${verdictClass(report)}`} data-testid="deploy-verdict">
            {visible(describeOutcome(report.outcome))}
          </span>
        ) : (
          <span className="muted small">
            {preparation.state === 'ready'
              ? phase === 'applying'
                ? 'deploying…'
                : 'will change'
              : preparation.state === 'unchanged'
                ? 'unchanged'
                : 'cannot deploy'}
          </span>
        )}
      </header>
      <Timeline steps={steps} />
      {sw && <p className="muted small">{SWITCH_ROLLBACK[sw.vendor]}</p>}
      {failedStep?.detail && !report && !saysSame(preparation, failedStep.detail) && (
        <p className="deploy-problem">{visible(failedStep.detail)}</p>
      )}
      {preparation.state === 'failed' && (
        <p className="deploy-problem" data-testid="deploy-reason">
          {visible(preparation.reason)}
        </p>
      )}
      {preparation.state === 'failed' && preparation.unknownHostKey && phase === 'review' && (
        <div className="deploy-trust">
          <span>
            {preparation.unknownHostKey.keyType} key{' '}
            <code data-testid="deploy-fingerprint">{preparation.unknownHostKey.fingerprint}</code>
          </span>
          <button
            type="button"
            className="button small"
            onClick={() => void trustHostKey(preparation.unknownHostKey!.fingerprint)}
            data-testid="deploy-trust"
          >
            Trust this key
          </button>
        </div>
      )}
      {preparation.state === 'ready' && !report && <RootCommands design={design} host={preparation.host} />}
      {preparation.state === 'ready' && !report && (
        <details open={phase === 'review'}>
          <summary className="small">
            {sw ? 'running-config diff (settings Netloom manages)' : '/etc/network/interfaces diff'}
          </summary>
          <DiffView diff={preparation.diff} />
          {preparation.checkOutput && <pre className="deploy-check small">{visible(preparation.checkOutput)}</pre>}
        </details>
      )}
    </section>
  );
}

/** Whether a failed preparation's reason already says `detail` (a failed connect is both). */
const saysSame = (preparation: Preparation, detail: string) =>
  preparation.state === 'failed' && preparation.reason === detail;

function summary(s: DeployState): string {
  const ready = devicesNamed(
    readyHosts(s).map((p) => p.host),
    s.design,
  );
  if (s.phase === 'preparing') return 'Deploy: checking devices…';
  if (s.phase === 'applying') return `Deploying to ${ready}…`;
  if (s.phase === 'done') {
    const ok = s.reports.filter((r) => verdictClass(r) === 'ok').length;
    return `Deploy: ${ok} of ${devicesNamed(
      s.reports.map((r) => r.host),
      s.design,
    )} ok`;
  }
  return `Deploy: ${ready} to change`;
}

export function DeployPanel() {
  const state = useDeployStore(useShallow((s) => s));
  if (state.phase === 'closed') return null;
  if (state.minimised) {
    return (
      <button
        type="button"
        className={`deploy-pill phase-${state.phase}`}
        onClick={() => setMinimised(false)}
        data-testid="deploy-pill"
      >
        {summary(state)}
      </button>
    );
  }
  const apply = applyButton(state.preparations, state.design);
  const busy = state.phase === 'preparing' || state.phase === 'applying';
  return (
    <aside className="docked-panel deploy-panel" role="complementary" aria-label="Deploy" data-testid="deploy-panel">
      <header className="docked-head deploy-head">
        <h2>Deploy{state.design ? `: ${state.design.name}` : ''}</h2>
        <span className="muted small" data-testid="deploy-phase">
          {state.phase}
        </span>
        <button
          type="button"
          className="button subtle"
          title="Minimise (the deploy goes on)"
          aria-label="Minimise"
          onClick={() => setMinimised(true)}
        >
          ▁
        </button>
        <button
          type="button"
          className="button subtle"
          title={busy ? 'Minimise (the deploy goes on)' : 'Close'}
          aria-label="Close"
          onClick={() => void closeDeploy()}
          data-testid="deploy-close"
        >
          ✕
        </button>
      </header>
      <div className="deploy-body">
        {state.error && <p className="deploy-problem">{state.error}</p>}
        {state.phase === 'preparing' && state.preparations.length === 0 && (
          <p className="muted">Connecting, locking and checking each host…</p>
        )}
        {state.groups.map((g) => (
          <p key={g.devices.join(' ')} className="small" data-testid="deploy-group">
            One change: {g.devices.map((d) => visible(d)).join(' → ')} ({visible(g.order)}); held or rolled back
            together.
          </p>
        ))}
        {state.phase === 'review' && state.design?.switches.some((x) => x.ssh) && <SwitchLogin state={state} />}
        {state.preparations.map((p) => (
          <HostCard
            key={p.host}
            preparation={p}
            steps={state.timeline[p.host] ?? []}
            report={state.reports.find((r) => r.host === p.host)}
            phase={state.phase}
            design={state.design}
          />
        ))}
        {state.skipped.map((s) => (
          <p key={s.host} className="muted small">
            {s.host}: skipped, {visible(s.reason)}
          </p>
        ))}
      </div>
      {state.phase === 'review' && (
        <footer className="deploy-foot">
          <label className="small">
            Roll back unless confirmed within{' '}
            <input
              type="number"
              className="nokey"
              min={5}
              max={3600}
              value={state.revertIn}
              onChange={(e) => setRevertIn(Math.min(3600, Math.max(5, Math.round(Number(e.target.value) || 120))))}
              data-testid="deploy-window"
            />{' '}
            s
          </label>
          <button type="button" className="button" onClick={() => void closeDeploy()} data-testid="deploy-cancel">
            Cancel
          </button>
          {!apply.enabled && (
            <span className="muted small" data-testid="deploy-apply-reason">
              {apply.reason}
            </span>
          )}
          <button
            type="button"
            className="button primary"
            disabled={!apply.enabled}
            title={apply.enabled ? undefined : apply.reason}
            onClick={() => void applyDeploy()}
            data-testid="deploy-apply"
          >
            {apply.label}
          </button>
        </footer>
      )}
    </aside>
  );
}
