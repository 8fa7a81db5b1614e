/** Every action by name, filtered as you type; Enter runs the highlighted one. */
import { useMemo, useState } from 'react';
import { isEnabled } from '../actions/action.js';
import { ACTIONS } from '../actions/index.js';
import { actionContext, runAction } from '../actions/run.js';
import { formatShortcut, isMac } from '../actions/shortcut.js';
import { useOverlays } from './overlays.js';

export function CommandPalette() {
  const open = useOverlays((s) => s.palette);
  if (!open) return null;
  return <PaletteBody />;
}

function PaletteBody() {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return ACTIONS.all.filter(
      (a) => a.id !== 'command-palette' && words.every((w) => `${a.label} ${a.group}`.toLowerCase().includes(w)),
    );
  }, [query]);
  const close = () => useOverlays.setState({ palette: false });
  const run = (id: string) => {
    close();
    runAction(id);
  };
  const mac = isMac();
  return (
    <div className="overlay" onMouseDown={close}>
      <div
        className="command-palette"
        role="dialog"
        aria-label="Command palette"
        onMouseDown={(e) => e.stopPropagation()}
        data-testid="command-palette"
      >
        <input
          autoFocus
          className="nokey"
          placeholder="Type a command…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
            if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, matches.length - 1));
            if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
            if (e.key === 'Enter' && matches[active]) run(matches[active].id);
          }}
        />
        <ul>
          {matches.map((a, i) => (
            <li key={a.id}>
              <button
                type="button"
                className={`command${i === active ? ' is-active' : ''}`}
                disabled={!isEnabled(a, actionContext())}
                onMouseEnter={() => setActive(i)}
                onClick={() => run(a.id)}
              >
                <span className="command-group">{a.group}</span>
                <span>{a.label}</span>
                {a.shortcuts?.[0] && <kbd>{formatShortcut(a.shortcuts[0], mac)}</kbd>}
              </button>
            </li>
          ))}
          {matches.length === 0 && <li className="muted pad">No command matches.</li>}
        </ul>
      </div>
    </div>
  );
}

export function ShortcutList() {
  const open = useOverlays((s) => s.shortcuts);
  if (!open) return null;
  const mac = isMac();
  const close = () => useOverlays.setState({ shortcuts: false });
  return (
    <div className="overlay" onMouseDown={close}>
      <div
        className="dialog shortcuts"
        role="dialog"
        aria-label="Keyboard shortcuts"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && close()}
      >
        <h2>Keyboard shortcuts</h2>
        <dl>
          {ACTIONS.all
            .filter((a) => a.shortcuts?.length)
            .map((a) => (
              <div key={a.id}>
                <dt>{a.label}</dt>
                <dd>
                  {a.shortcuts!.map((s) => (
                    <kbd key={s}>{formatShortcut(s, mac)}</kbd>
                  ))}
                </dd>
              </div>
            ))}
        </dl>
        <div className="dialog-buttons">
          <button type="button" className="button primary" autoFocus onClick={close}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
