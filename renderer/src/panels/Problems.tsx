/** Diagnostics of the design's rules; clicking one selects its elements (the culprit first) and brings them into view; shift-click adds them to the selection. */
import { firewallPlaceOf } from '../../../shared/edit/firewall.js';
import { formatPath } from '../../../shared/model/paths.js';
import type { Diagnostic } from '../../../shared/validate/diagnostic.js';
import { openFirewall } from '../firewall/firewall-view.js';
import { visible } from '../../../shared/text/visible.js';
import { useDiagnostics } from '../store/derived.js';
import { useAppStore } from '../store/store.js';

export function Problems() {
  const open = useAppStore((s) => s.problemsOpen);
  const diagnostics = useDiagnostics();
  const errors = diagnostics?.filter((d) => d.severity === 'error').length ?? 0;
  const warnings = diagnostics?.filter((d) => d.severity === 'warning').length ?? 0;
  return (
    <section className={`problems${open ? '' : ' is-collapsed'}`} data-testid="problems" aria-label="Problems">
      <header className="problems-head">
        <button
          type="button"
          className="problems-toggle"
          onClick={() => useAppStore.setState({ problemsOpen: !open })}
          aria-expanded={open}
        >
          <span className="chevron">{open ? '▾' : '▸'}</span> Problems
        </button>
        {diagnostics ? (
          <>
            <span className={`count count-error${errors ? '' : ' is-zero'}`} data-testid="problems-errors">
              {errors} error{errors === 1 ? '' : 's'}
            </span>
            <span className={`count count-warning${warnings ? '' : ' is-zero'}`} data-testid="problems-warnings">
              {warnings} warning{warnings === 1 ? '' : 's'}
            </span>
          </>
        ) : (
          <span className="count is-zero" data-testid="problems-checking">
            checking…
          </span>
        )}
      </header>
      {open && (
        <ul className="problem-list">
          {!diagnostics && <li className="muted small pad">Checking the design…</li>}
          {diagnostics?.length === 0 && <li className="muted small pad">No problems found.</li>}
          {diagnostics?.map((d, i) => (
            <ProblemRow key={`${d.rule}:${d.path}:${i}`} d={d} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ProblemRow({ d }: { d: Diagnostic }) {
  return (
    <li>
      <button
        type="button"
        className={`problem problem-${d.severity}`}
        onClick={(e) => {
          // The culprit (the diagnostic's first element) goes first, so the inspector shows it; shift adds to the selection.
          const store = useAppStore.getState();
          const culprit = new Set(d.elements);
          store.revealElements(
            e.shiftKey ? [...store.selection.filter((id) => !culprit.has(id)), ...d.elements] : d.elements,
          );
          // A problem inside the firewall opens the firewall panel at its rule or IP set.
          const place = d.at && firewallPlaceOf(store.design, d.at);
          if (place) openFirewall(place);
        }}
        data-testid="problem"
        data-rule={d.rule}
      >
        <span className={`problem-icon severity-${d.severity}`} role="img" aria-label={d.severity} />
        <span className="problem-message">{visible(d.message)}</span>
        <code className="problem-rule">{d.rule}</code>
        <span className="problem-path muted">{d.at ? formatPath(d.at) : d.path}</span>
      </button>
    </li>
  );
}
