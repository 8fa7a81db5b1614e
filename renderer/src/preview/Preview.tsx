/**
 * Configuration preview of one device: every file its targets render, updated
 * as the design changes, with the changes since the last export.
 */
import { lazy, Suspense, useMemo, useState } from 'react';
import { renderDevice } from '../../../shared/targets/index.js';
import type { Design } from '../../../shared/model/schema.js';
import { deviceOf, kindEntry } from '../../../shared/model/kinds/index.js';
import { indexOf } from '../../../shared/edit/cached-index.js';
import { runAction } from '../actions/run.js';
import { useAppStore } from '../store/store.js';

// CodeMirror is a third of the app's code: it loads when a preview is first shown, not before the canvas.
const ConfigView = lazy(() => import('./ConfigView.js').then((m) => ({ default: m.ConfigView })));

/** The device (host or switch) the selection belongs to. */
export function deviceOfSelection(design: Design, selection: readonly string[]): string | null {
  const index = indexOf(design);
  for (const id of selection) {
    const e = index.byId.get(id);
    if (!e) continue;
    if (kindEntry(e.kind).frame === true) return e.element.id;
    const device = deviceOf(e);
    if (device) return device.element.id;
  }
  return null;
}

function render(design: Design, deviceId: string) {
  try {
    return { files: renderDevice(design, deviceId), error: null };
  } catch (e) {
    return { files: [], error: (e as Error).message };
  }
}

export function Preview() {
  const design = useAppStore((s) => s.design);
  const selection = useAppStore((s) => s.selection);
  const chosen = useAppStore((s) => s.previewDevice);
  const lastExport = useAppStore((s) => s.lastExport);
  const [fileIndex, setFileIndex] = useState(0);
  const [showDiff, setShowDiff] = useState(true);
  const devices = [
    ...design.hosts.map((h) => ({ id: h.id, name: h.name, kind: 'host' })),
    ...design.switches.map((s) => ({ id: s.id, name: s.name, kind: 'switch' })),
  ];
  const deviceId =
    (chosen && devices.some((d) => d.id === chosen) ? chosen : null) ??
    deviceOfSelection(design, selection) ??
    devices[0]?.id ??
    null;
  const rendered = useMemo(
    () => (deviceId ? render(design, deviceId) : { files: [], error: null }),
    [design, deviceId],
  );
  const file = rendered.files[Math.min(fileIndex, rendered.files.length - 1)];
  const exported = deviceId && file ? (lastExport[deviceId]?.[file.path] ?? null) : null;

  return (
    <div className="preview" data-testid="preview">
      <div className="preview-bar">
        <select
          className="nodrag nokey"
          value={deviceId ?? ''}
          onChange={(e) => {
            useAppStore.setState({ previewDevice: e.target.value });
            setFileIndex(0);
          }}
          aria-label="Device"
          data-testid="preview-device"
        >
          {devices.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} ({d.kind})
            </option>
          ))}
        </select>
        <label className="check-inline" title="Show the changes since the last export">
          <input
            type="checkbox"
            checked={showDiff}
            onChange={(e) => setShowDiff(e.target.checked)}
            disabled={exported === null}
          />{' '}
          Diff
        </label>
        <button
          type="button"
          className="button small"
          onClick={() => runAction('export-configs')}
          title="Export all configs to a folder"
        >
          Export…
        </button>
      </div>
      {rendered.files.length > 1 && (
        <div className="tabs" role="tablist">
          {rendered.files.map((f, i) => (
            <button
              key={f.path}
              type="button"
              role="tab"
              aria-selected={f === file}
              className={`tab${f === file ? ' is-active' : ''}`}
              onClick={() => setFileIndex(i)}
              data-testid={`preview-tab-${f.path}`}
            >
              {f.path}
            </button>
          ))}
        </div>
      )}
      {rendered.error && <p className="field-error pad">The generator failed: {rendered.error}</p>}
      {!deviceId && <p className="muted pad">Add a host or a switch to see its configuration.</p>}
      {deviceId && !rendered.error && rendered.files.length === 0 && (
        <p className="muted pad">No target writes a configuration for this device yet.</p>
      )}
      {file && (
        <>
          <div className="preview-path">
            <code data-testid="preview-path">{file.path}</code>
            {exported !== null && (
              <span className="muted small">
                {exported === file.content ? 'same as last export' : 'changed since last export'}
              </span>
            )}
          </div>
          <Suspense fallback={<p className="muted pad">Loading the viewer…</p>}>
            <ConfigView text={file.content} original={showDiff ? exported : null} testId="preview-text" />
          </Suspense>
          {/* The whole text, for copying and for tests (the editor draws only the visible lines). */}
          <pre hidden data-testid="preview-raw">
            {file.content}
          </pre>
        </>
      )}
    </div>
  );
}
