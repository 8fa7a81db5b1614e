/** A design that could not be opened: every problem with its JSON path. The open design is untouched. */
import { useAppStore } from '../store/store.js';
import { visible } from '../../../shared/text/visible.js';

export function LoadFailure() {
  const failure = useAppStore((s) => s.loadFailure);
  if (!failure) return null;
  return (
    <div className="load-failure" role="alertdialog" aria-labelledby="load-failure-title" data-testid="load-error">
      <div className="load-failure-head">
        <h2 id="load-failure-title">Could not open {failure.path}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Dismiss"
          onClick={() => useAppStore.setState({ loadFailure: null })}
          data-testid="load-error-dismiss"
        >
          ×
        </button>
      </div>
      <p className="muted small">Nothing was changed; the design you had open is still open.</p>
      <ul className="load-problems">
        {failure.problems.map((p, i) => (
          <li key={i}>
            <code className="json-path">{p.path}</code>
            <span>{visible(p.message)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
