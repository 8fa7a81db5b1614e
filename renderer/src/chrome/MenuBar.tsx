/** The in-app menu bar, built from the action registry: labels, shortcuts and enabled state all come from there. */
import { Fragment, useEffect, useRef, useState } from 'react';
import type { RecentFile } from '../../../shared/api.js';
import { isEnabled, type ActionGroup } from '../actions/action.js';
import { ACTIONS } from '../actions/index.js';
import { actionContext, runAction } from '../actions/run.js';
import { formatShortcut, isMac } from '../actions/shortcut.js';
import { useAppStore } from '../store/store.js';

const MENUS: readonly { title: string; groups: readonly ActionGroup[] }[] = [
  { title: 'File', groups: ['file', 'examples'] },
  { title: 'Edit', groups: ['edit'] },
  { title: 'Insert', groups: ['insert'] },
  { title: 'Arrange', groups: ['arrange'] },
  { title: 'View', groups: ['view'] },
  { title: 'Help', groups: ['help'] },
];

/** Groups shown under a heading of their own inside a menu. */
const GROUP_HEADINGS: Partial<Record<ActionGroup, string>> = { examples: 'Examples' };

export function shortcutHint(id: string): string {
  const first = ACTIONS.get(id).shortcuts?.[0];
  return first ? formatShortcut(first, isMac()) : '';
}

/** "Undo (Ctrl+Z)": the tooltip of a button that runs an action. */
export function actionTitle(id: string): string {
  const hint = shortcutHint(id);
  return hint ? `${ACTIONS.get(id).label} (${hint})` : ACTIONS.get(id).label;
}

function RecentItems({ recent, close }: { recent: readonly RecentFile[]; close: () => void }) {
  if (recent.length === 0) return null;
  return (
    <>
      <li className="menu-separator" role="separator" />
      <li className="menu-label">Recent</li>
      {recent.slice(0, 8).map((r) => (
        <li key={r.path}>
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            title={r.path}
            onClick={() => {
              close();
              void actionContext().services.openDesign(r.path);
            }}
          >
            <span className="menu-label-text">{r.path.split('/').pop()}</span>
            <span className="menu-shortcut">{r.path.split('/').slice(-2, -1)[0]}</span>
          </button>
        </li>
      ))}
    </>
  );
}

export function MenuBar() {
  const [open, setOpen] = useState<string | null>(null);
  const recent = useAppStore((s) => s.recentFiles);
  const bar = useRef<HTMLElement>(null);
  // Re-render on any store change so enabled states stay current while a menu is open.
  useAppStore((s) => (open ? s : null));
  useEffect(() => {
    if (!open) return;
    // Pointer events in the capture phase: the canvas cancels the mouse events of a press on it.
    const close = (e: PointerEvent) => {
      if (!bar.current?.contains(e.target as Node)) setOpen(null);
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      setOpen(null);
    };
    window.addEventListener('pointerdown', close, true);
    window.addEventListener('keydown', escape, true);
    return () => {
      window.removeEventListener('pointerdown', close, true);
      window.removeEventListener('keydown', escape, true);
    };
  }, [open]);
  const mac = isMac();
  return (
    <nav className="menubar" ref={bar} aria-label="Menu" data-testid="menubar">
      {MENUS.map((menu) => (
        <div key={menu.title} className="menu">
          <button
            type="button"
            className={`menu-title${open === menu.title ? ' is-open' : ''}`}
            aria-haspopup="menu"
            aria-expanded={open === menu.title}
            onClick={() => setOpen(open === menu.title ? null : menu.title)}
            onMouseEnter={() => open && setOpen(menu.title)}
            data-testid={`menu-${menu.title.toLowerCase()}`}
          >
            {menu.title}
          </button>
          {open === menu.title && (
            <ul className="menu-list" role="menu">
              {menu.groups.map((group) => {
                const actions = ACTIONS.all.filter((a) => a.group === group);
                const heading = GROUP_HEADINGS[group];
                return (
                  <Fragment key={group}>
                    {heading && actions.length > 0 && (
                      <>
                        <li className="menu-separator" role="separator" />
                        <li className="menu-label">{heading}</li>
                      </>
                    )}
                    {actions.map((a) => {
                      const enabled = isEnabled(a, actionContext());
                      return (
                        <li key={a.id}>
                          <button
                            type="button"
                            role="menuitem"
                            className={`menu-item${a.detail ? ' has-detail' : ''}`}
                            disabled={!enabled}
                            title={a.detail}
                            onClick={() => {
                              setOpen(null);
                              runAction(a.id);
                            }}
                            data-testid={`action-${a.id}`}
                          >
                            <span className="menu-label-text">
                              {a.label}
                              {a.detail && <span className="menu-detail">{a.detail}</span>}
                            </span>
                            {a.shortcuts?.[0] && (
                              <kbd className="menu-shortcut">{formatShortcut(a.shortcuts[0], mac)}</kbd>
                            )}
                          </button>
                        </li>
                      );
                    })}
                  </Fragment>
                );
              })}
              {menu.title === 'File' && <RecentItems recent={recent} close={() => setOpen(null)} />}
            </ul>
          )}
        </div>
      ))}
    </nav>
  );
}
