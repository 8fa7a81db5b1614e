/**
 * For a host bond whose members are cabled to a switch: the switch ports at
 * the other end, and the action that creates or fixes the matching
 * port-channel (wired to shared/derive when that lands).
 */
import { indexOf } from '../../../../shared/edit/cached-index.js';
import type { Design } from '../../../../shared/model/schema.js';
import { useAppStore } from '../../store/store.js';

export function BondSwitchSide({ bondId, design }: { bondId: string; design: Design }) {
  const index = indexOf(design);
  const bond = index.get(bondId, 'bond');
  if (!bond) return null;
  const ends = bond.element.members.flatMap((m) => {
    const cable = design.cables.find((c) => c.hostPort === m);
    const port = cable && index.get(cable.switchPort, 'switch-port');
    return port ? [port] : [];
  });
  if (ends.length === 0) return null;
  return (
    <section className="inspector-section">
      <h3>Switch side</h3>
      <ul className="plain-list">
        {ends.map((p) => (
          <li key={p.element.id}>
            <button type="button" className="link" onClick={() => useAppStore.getState().revealElements([p.element.id])}>
              {p.switch.name} {p.element.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
