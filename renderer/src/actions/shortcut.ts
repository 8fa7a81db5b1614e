/**
 * Keyboard shortcuts as text (`Mod+Shift+Z`, `Delete`, `Shift+1`): parsed
 * once, matched against key events by physical key for letters and digits
 * (so Shift+1 is not `!`), and shown the way the platform writes them.
 */
export interface KeyChord {
  readonly mod: boolean;
  readonly shift: boolean;
  readonly alt: boolean;
  /** Upper-case letter, digit, or a `KeyboardEvent.key` name such as `Delete`. */
  readonly key: string;
}

export function parseShortcut(text: string): KeyChord {
  const parts = text.split('+');
  const key = parts.pop();
  if (!key) throw new Error(`empty shortcut "${text}"`);
  const mods = new Set(parts);
  for (const m of mods)
    if (m !== 'Mod' && m !== 'Shift' && m !== 'Alt') throw new Error(`unknown modifier "${m}" in shortcut "${text}"`);
  return {
    mod: mods.has('Mod'),
    shift: mods.has('Shift'),
    alt: mods.has('Alt'),
    key: key.length === 1 ? key.toUpperCase() : key,
  };
}

/** The canonical text of a chord, for duplicate detection. */
export function chordText(chord: KeyChord): string {
  return [chord.mod && 'Mod', chord.alt && 'Alt', chord.shift && 'Shift', chord.key].filter(Boolean).join('+');
}

export interface KeyEventLike {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/** The key of an event as chords name it: letters and digits by physical key. */
function eventKey(event: KeyEventLike): string {
  if (/^Key[A-Z]$/.test(event.code)) return event.code.slice(3);
  if (/^Digit\d$/.test(event.code)) return event.code.slice(5);
  if (event.code === 'Equal') return '=';
  if (event.code === 'Minus') return '-';
  return event.key.length === 1 ? event.key.toUpperCase() : event.key;
}

export function matchesChord(chord: KeyChord, event: KeyEventLike, mac: boolean): boolean {
  const mod = mac ? event.metaKey : event.ctrlKey;
  const otherMod = mac ? event.ctrlKey : event.metaKey;
  return (
    mod === chord.mod &&
    !otherMod &&
    event.shiftKey === chord.shift &&
    event.altKey === chord.alt &&
    eventKey(event) === chord.key
  );
}

const KEY_NAMES: Record<string, string> = {
  Delete: 'Del',
  Backspace: '⌫',
  Escape: 'Esc',
  ArrowUp: '↑',
  ArrowDown: '↓',
};

export function formatShortcut(text: string, mac: boolean): string {
  const chord = parseShortcut(text);
  const key = KEY_NAMES[chord.key] ?? chord.key;
  if (mac) return `${chord.mod ? '⌘' : ''}${chord.alt ? '⌥' : ''}${chord.shift ? '⇧' : ''}${key}`;
  return [chord.mod && 'Ctrl', chord.alt && 'Alt', chord.shift && 'Shift', key].filter(Boolean).join('+');
}

export const isMac = (): boolean =>
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
