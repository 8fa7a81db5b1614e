import { useAppStore } from '../store/store.js';
import { visible } from '../../../shared/text/visible.js';

/** Short messages in the corner: refused connections, saves, failures. */
export function Toasts() {
  const toasts = useAppStore((s) => s.toasts);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div
          key={t.id}
          className={`toast toast-${t.tone}`}
          role={t.tone === 'error' ? 'alert' : 'status'}
          data-testid="toast"
          onClick={() => useAppStore.getState().dismissToast(t.id)}
        >
          {visible(t.text)}
        </div>
      ))}
    </div>
  );
}
