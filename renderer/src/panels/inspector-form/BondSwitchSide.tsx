/**
 * For a host bond whose members are cabled to a switch: the switch ports at
 * the other end, and one action that creates or fixes the matching
 * port-channel (`derivePortChannel`), as one undoable step.
 */
import { useState } from 'react';
import { indexOf } from '../../../../shared/edit/cached-index.js';
import { derivePortChannel } from '../../../../shared/derive/index.js';
import type { Design } from '../../../../shared/model/schema.js';
import { useAppStore } from '../../store/store.js';

export function BondSwitchSide({ bondId, design }: { bondId: string; design: Design }) {
  const [outcome, setOutcome] = useState<{ tone: 'ok' | 'error'; lines: readonly string[] } | null>(null);
  const index = indexOf(design);
  const bond = index.get(bondId, 'bond');
  if (!bond) return null;
  const ends = bond.element.members.flatMap((m) => {
    const cable = design.cables.find((c) => c.hostPort === m);
    const port = cable && index.get(cable.switchPort, 'switch-port');
    return port ? [port] : [];
  });
  if (ends.length === 0) return null;
  const derive = () => {
    const result = derivePortChannel(useAppStore.getState().design, bondId);
    if ('error' in result) {
      setOutcome({ tone: 'error', lines: [result.error] });
      return;
    }
    if (result.changes.length > 0) useAppStore.getState().edit(() => result.design);
    setOutcome({
      tone: 'ok',
      lines: result.changes.length > 0 ? result.changes : ['The port-channel already matches this bond.'],
    });
  };
  return (
    <section className="inspector-section" data-testid="bond-switch-side">
      <h3>Switch side</h3>
      <ul className="plain-list">
        {ends.map((p) => (
          <li key={p.element.id}>
            <button
              type="button"
              className="link"
              onClick={() => useAppStore.getState().revealElements([p.element.id])}
            >
              {p.switch.name} {p.element.name}
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button small"
        onClick={derive}
        data-testid="derive-port-channel"
        title="Create or correct the port-channel on the switch so both ends form one LAG"
      >
        Create/fix matching port-channel
      </button>
      {outcome && (
        <ul
          className={`derive-outcome ${outcome.tone === 'error' ? 'field-error' : 'muted small'}`}
          data-testid="derive-outcome"
        >
          {outcome.lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
