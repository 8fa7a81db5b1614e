/** Values computed from the design, once per design object, shared by every panel that shows them. */
import { create } from 'zustand';
import { useAppStore } from './store.js';
import type { Design } from '../../../shared/model/schema.js';
import { validateDesign, type Diagnostic } from '../../../shared/validate/index.js';

const diagnosticsCache = new WeakMap<Design, readonly Diagnostic[]>();

export function diagnosticsOf(design: Design): readonly Diagnostic[] {
  let found = diagnosticsCache.get(design);
  if (!found) {
    try {
      found = validateDesign(design);
    } catch (e) {
      // A rule that crashes must not take the canvas down; say so like any other problem.
      const first = design.hosts[0]?.id ?? design.switches[0]?.id ?? 'design';
      found = [
        {
          rule: 'internal/rule-crashed',
          severity: 'warning',
          elements: [first],
          path: '(document)',
          message: `a design rule failed: ${(e as Error).message}`,
        },
      ];
    }
    diagnosticsCache.set(design, found);
  }
  return found;
}

/** A design just opened whose rules have not run yet: they run once the canvas has drawn it. */
const useUnchecked = create<{ design: Design | null }>(() => ({ design: null }));

/**
 * Checks `design` (about to be loaded) after the next frame is painted instead of before it, so
 * a large design's first picture does not wait for its rules; until then `useDiagnostics` is null.
 */
export function checkAfterPaint(design: Design): void {
  if (diagnosticsCache.has(design)) return;
  useUnchecked.setState({ design });
  requestAnimationFrame(() =>
    setTimeout(() => {
      diagnosticsOf(design);
      if (useUnchecked.getState().design === design) useUnchecked.setState({ design: null });
    }),
  );
}

/** The open design's diagnostics; null while a design just opened is still to be checked. */
export function useDiagnostics(): readonly Diagnostic[] | null {
  // Subscribed to re-render when the check is done; read afresh in the selector, which runs (before
  // any re-render) as soon as the design changes, to see a design just opened as unchecked.
  useUnchecked((s) => s.design);
  return useAppStore((s) => (s.design === useUnchecked.getState().design ? null : diagnosticsOf(s.design)));
}
