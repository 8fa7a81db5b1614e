/**
 * Text sizes without a font engine: an estimate of each character's advance
 * that is a little wider than DejaVu Sans (the widest of the usual sans
 * fonts), so a label measured here fits wherever the picture is drawn.
 */

export interface TextStyle {
  readonly size: number;
  readonly bold?: boolean;
}

/** Advance in em, by character class. */
function advance(ch: string): number {
  if (ch === ' ') return 0.34;
  if ("il.,:;|!'`".includes(ch)) return 0.34;
  if ('frtjI()[]{}/-'.includes(ch)) return 0.44;
  if ('mwMW@%'.includes(ch)) return 1.0;
  if (/[0-9]/.test(ch)) return 0.66;
  if (/[A-Z]/.test(ch)) return 0.76;
  if (/[a-z]/.test(ch)) return 0.63;
  return 0.7;
}

/** Estimated width of `text` in user units. */
export function textWidth(text: string, style: TextStyle): number {
  let em = 0;
  for (const ch of text) em += advance(ch);
  return em * style.size * (style.bold ? 1.1 : 1);
}

const ELLIPSIS = '…';

/** `text`, cut with an ellipsis where it would be wider than `width`. */
export function fitText(text: string, width: number, style: TextStyle): string {
  if (textWidth(text, style) <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(chars.join('') + ELLIPSIS, style) > width) chars.pop();
  return chars.length > 0 ? chars.join('').trimEnd() + ELLIPSIS : '';
}

/**
 * Parts (already split where a line may break) joined with `separator` into
 * at most `maxLines` lines no wider than `width`; a part wider than a line is
 * cut, and what does not fit in the last line ends it with an ellipsis.
 */
export function wrapParts(
  parts: readonly string[],
  separator: string,
  width: number,
  maxLines: number,
  style: TextStyle,
): string[] {
  const lines: string[] = [];
  let current = '';
  for (const part of parts) {
    const joined = current === '' ? part : current + separator + part;
    if (textWidth(joined, style) <= width) {
      current = joined;
      continue;
    }
    if (current !== '') lines.push(current);
    current = part;
  }
  if (current !== '') lines.push(current);
  if (lines.length <= maxLines) return lines.map((l) => fitText(l, width, style));
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = fitText(lines.slice(maxLines - 1).join(separator) + ELLIPSIS, width, style);
  return kept.map((l) => fitText(l, width, style));
}
