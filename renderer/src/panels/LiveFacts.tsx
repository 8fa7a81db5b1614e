/** Live status of one element as last read from the host: health, reasons, drift and raw facts (host text, shown with `visible`). */
import { visible } from '../../../shared/text/visible.js';
import { HEALTH_LABEL } from '../store/live.js';
import { useAppStore } from '../store/store.js';

export function LiveFacts({ id }: { id: string }) {
  const status = useAppStore((s) => s.live[id]);
  if (!status) return null;
  return (
    <section className="inspector-section live-facts" data-testid="live-facts">
      <h3>
        Live status <span className={`health-pill health-${status.health}`}>{HEALTH_LABEL[status.health]}</span>
      </h3>
      {status.reasons.length > 0 && (
        <ul className="reasons">
          {status.reasons.map((r) => (
            <li key={r}>{visible(r)}</li>
          ))}
        </ul>
      )}
      {status.drift && status.drift.length > 0 && (
        <>
          <h4>Drift from the design</h4>
          <ul className="reasons drift-list">
            {status.drift.map((r) => (
              <li key={r}>{visible(r)}</li>
            ))}
          </ul>
        </>
      )}
      {status.facts && (
        <dl className="facts">
          {Object.entries(status.facts).map(([k, v]) => (
            <div key={k}>
              <dt>{visible(k)}</dt>
              <dd>{visible(String(v))}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className="muted small">Read {new Date(status.readAt).toLocaleTimeString()}</p>
    </section>
  );
}
