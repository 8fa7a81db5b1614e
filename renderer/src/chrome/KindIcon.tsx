/** Small line icons for element kinds, drawn inline from the kind registry's path data (no icon font, no network). */
import { KINDS, type ElementKind } from '../../../shared/model/kinds/index.js';

export type IconKind = ElementKind;

export function KindIcon({ kind, size = 16 }: { kind: IconKind; size?: number }) {
  return (
    <svg
      className={`icon icon-${kind}`}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={KINDS[kind].icon} />
    </svg>
  );
}
