/** The design's networks (VLANs) with their colours: add, edit in the inspector, delete. */
import { ACTIONS } from '../actions/index.js';
import { runAction } from '../actions/run.js';
import { useAppStore } from '../store/store.js';
import { removeElements } from '../../../shared/edit/remove.js';

export function NetworkList() {
  const networks = useAppStore((s) => s.design.networks);
  const selection = useAppStore((s) => s.selection);
  return (
    <section className="networks" data-testid="network-list">
      <div className="section-head">
        <h2 className="section-title">Networks</h2>
        <button
          type="button"
          className="icon-button"
          title={ACTIONS.get('add-network').label}
          onClick={() => runAction('add-network')}
          data-testid="add-network"
        >
          +
        </button>
      </div>
      {networks.length === 0 && <p className="muted small">No VLANs yet. Add one to colour cables and tags.</p>}
      <ul className="network-items">
        {[...networks]
          .sort((a, b) => a.vlan - b.vlan)
          .map((n) => (
            <li key={n.id} className={selection.includes(n.id) ? 'is-selected' : ''}>
              <button
                type="button"
                className="network-item"
                onClick={() => useAppStore.getState().select([n.id])}
                data-testid={`network-${n.vlan}`}
              >
                <span className="swatch" style={{ background: n.colour }} />
                <span className="network-vlan">{n.vlan}</span>
                <span className="network-name">{n.name}</span>
              </button>
              <button
                type="button"
                className="icon-button subtle"
                title={`Delete network ${n.name}`}
                aria-label={`Delete network ${n.name}`}
                onClick={() => useAppStore.getState().edit((d) => removeElements(d, [n.id]))}
              >
                ×
              </button>
            </li>
          ))}
      </ul>
    </section>
  );
}
