/** Draws the current in-app dialog (text, choice, confirm) and resolves its promise. */
import { useState } from 'react';
import { useDialogStore, type DialogRequest } from './dialogs.js';

export function DialogHost() {
  const current = useDialogStore((s) => s.current);
  if (!current) return null;
  return <DialogBody key={current.title} request={current} resolve={current.resolve} />;
}

function DialogBody({ request, resolve }: { request: DialogRequest; resolve: (value: string | null) => void }) {
  const [text, setText] = useState(request.kind === 'text' ? request.initial : '');
  const cancel = () => resolve(null);
  return (
    <div className="overlay" onMouseDown={cancel}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="dialog-title"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && cancel()}
        data-testid="dialog"
      >
        <h2 id="dialog-title">{request.title}</h2>
        {request.message && <p className="dialog-message">{request.message}</p>}
        {request.kind === 'text' && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (text.trim() !== '') resolve(text.trim());
            }}
          >
            <label className="field">
              <span>{request.label}</span>
              <input
                autoFocus
                className="nokey"
                value={text}
                onChange={(e) => setText(e.target.value)}
                spellCheck={false}
                list="dialog-suggestions"
                data-testid="dialog-input"
              />
              {request.suggestions && (
                <datalist id="dialog-suggestions">
                  {request.suggestions.map((s) => (
                    <option key={s} value={s} />
                  ))}
                </datalist>
              )}
            </label>
            <div className="dialog-buttons">
              <button type="button" className="button" onClick={cancel}>
                Cancel
              </button>
              <button
                type="submit"
                className="button primary"
                disabled={text.trim() === ''}
                data-testid="dialog-confirm"
              >
                {request.confirm}
              </button>
            </div>
          </form>
        )}
        {request.kind === 'choice' && (
          <>
            <ul className="choices">
              {request.choices.map((c, i) => (
                <li key={c.value}>
                  <button
                    type="button"
                    className="choice"
                    autoFocus={i === 0}
                    onClick={() => resolve(c.value)}
                    data-testid={`choice-${c.value}`}
                  >
                    <span>{c.label}</span>
                    {c.detail && <span className="muted small">{c.detail}</span>}
                  </button>
                </li>
              ))}
            </ul>
            <div className="dialog-buttons">
              <button type="button" className="button" onClick={cancel}>
                Cancel
              </button>
            </div>
          </>
        )}
        {request.kind === 'confirm' && (
          <div className="dialog-buttons">
            <button type="button" className="button" onClick={cancel} data-testid="dialog-cancel">
              Cancel
            </button>
            {request.deny && (
              <button type="button" className="button" onClick={() => resolve('deny')} data-testid="dialog-deny">
                {request.deny}
              </button>
            )}
            <button
              type="button"
              autoFocus
              className={`button ${request.danger ? 'danger' : 'primary'}`}
              onClick={() => resolve('confirm')}
              data-testid="dialog-confirm"
            >
              {request.confirm}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
