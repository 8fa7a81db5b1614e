/** Buttons for the most used actions; each tooltip names the shortcut. */
import { useStore } from 'zustand';
import { runAction } from '../actions/run.js';
import { useLiveStatus } from '../live/live-view.js';
import { isDirty, useAppStore } from '../store/store.js';
import { actionTitle } from './MenuBar.js';

function ToolButton({
  id,
  label,
  disabled,
  pressed,
}: {
  id: string;
  label: string;
  disabled?: boolean;
  pressed?: boolean;
}) {
  return (
    <button
      type="button"
      className={`tool${pressed ? ' is-pressed' : ''}`}
      title={actionTitle(id)}
      aria-label={actionTitle(id)}
      disabled={disabled}
      onClick={() => runAction(id)}
      data-testid={`tool-${id}`}
    >
      {label}
    </button>
  );
}

export function Toolbar() {
  const canUndo = useStore(useAppStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useAppStore.temporal, (s) => s.futureStates.length > 0);
  const name = useAppStore((s) => s.design.name);
  const dirty = useAppStore(isDirty);
  const filePath = useAppStore((s) => s.filePath);
  const sidePanel = useAppStore((s) => s.sidePanel);
  const liveOn = useLiveStatus((s) => s.on);
  return (
    <div className="toolbar" role="toolbar" aria-label="Tools">
      <div className="tool-group">
        <ToolButton id="undo" label="↶" disabled={!canUndo} />
        <ToolButton id="redo" label="↷" disabled={!canRedo} />
      </div>
      <div className="tool-group">
        <ToolButton id="layout-design" label="⊞ Layout" />
        <ToolButton id="fit-view" label="⤢ Fit" />
      </div>
      <div className="title" title={filePath ?? 'Not saved yet'}>
        <span data-testid="design-name">{name}</span>
        {dirty && (
          <span className="dirty-dot" title="Unsaved changes" data-testid="dirty-indicator">
            ●
          </span>
        )}
        <span className="muted small file-path">{filePath ?? 'not saved'}</span>
      </div>
      <div className="tool-group">
        <ToolButton id="toggle-live-status" label="● Live" pressed={liveOn} />
        <ToolButton id="show-preview" label="</> Config" pressed={sidePanel === 'preview'} />
        <ToolButton id="toggle-theme" label="◐" />
        <ToolButton id="command-palette" label="⌘ Commands" />
      </div>
    </div>
  );
}
