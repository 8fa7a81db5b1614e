/**
 * Text that came from a design or a host (names, descriptions, verbatim lines,
 * a host's `ifup` output, a saved bonding file) is shown to a person in a
 * terminal or in the app. Shown raw, an escape sequence can move the cursor
 * and erase the line before it, and a bidirectional override can reorder
 * what is read: a design could hide a `post-up ... | sh` line from the person
 * reviewing its diff. `visible` shows such characters as text instead:
 * C0 controls and DEL in caret notation (ESC is `^[`), C1 controls and
 * bidirectional formatting characters as `<U+202E>`. Everything else,
 * including printable Unicode, is left exactly as it was.
 */

/** C0 controls but tab and newline, DEL, C1 controls, bidi embeddings/overrides (202A-202E) and isolates (2066-2069). */
/* eslint-disable no-control-regex -- finding control characters is this module's job */
const HIDING = /[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f\u202a-\u202e\u2066-\u2069]/g;
const HIDING_ONE_LINE = /[\x00-\x1f\x7f\u0080-\u009f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

const codePoint = (c: string) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`;

function shown(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
  if (code === 0x7f) return '^?';
  return codePoint(c);
}

export interface VisibleOptions {
  /** Also show newline and tab (`^J`, `^I`): for a value printed inside one line, such as a name. */
  readonly oneLine?: boolean;
}

/** `text` with every character that a terminal or a text view would act on instead of show, shown as text. */
export function visible(text: string, options: VisibleOptions = {}): string {
  return text.replace(options.oneLine ? HIDING_ONE_LINE : HIDING, shown);
}

/**
 * JSON text with the characters `JSON.stringify` leaves raw (C1 controls, bidi
 * formatting) written as `\uXXXX` escapes: the same value, safe to print.
 */
export function visibleJson(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
