/** Values computed from the design, once per design object, shared by every panel that shows them. */
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

export const useDiagnostics = (): readonly Diagnostic[] => useAppStore((s) => diagnosticsOf(s.design));
