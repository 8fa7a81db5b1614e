/**
 * The lines of an interfaces file as ifupdown2 reads them: a line ending in
 * `\` continues on the next one, blank lines and `#` comments are kept apart.
 * Every logical line remembers its first line number and its raw text.
 */

export interface LogicalLine {
  /** 1-based number of the first physical line. */
  readonly line: number;
  /** Whitespace-trimmed text with continuations joined by one space. */
  readonly text: string;
  /** The physical lines as written, joined with `\n`. */
  readonly raw: string;
  readonly kind: 'blank' | 'comment' | 'statement';
  /** The first word, e.g. `iface`, `auto`, `bond-slaves`. */
  readonly word: string;
  /** Everything after the first word, trimmed. */
  readonly rest: string;
}

export function logicalLines(text: string): LogicalLine[] {
  const physical = text.replace(/\r\n?/g, '\n').split('\n');
  if (physical.length > 0 && physical[physical.length - 1] === '') physical.pop();
  const result: LogicalLine[] = [];
  for (let i = 0; i < physical.length; i++) {
    const start = i;
    const parts = [physical[i]!];
    // A comment is never continued; a statement is, for as long as lines end in a backslash.
    if (!physical[i]!.trimStart().startsWith('#')) {
      while (parts[parts.length - 1]!.trimEnd().endsWith('\\') && i + 1 < physical.length) parts.push(physical[++i]!);
    }
    const joined = parts
      .map((p) => p.trim().replace(/\\$/, '').trim())
      .filter((p) => p !== '')
      .join(' ');
    const raw = parts.join('\n').trimEnd();
    const kind = joined === '' ? 'blank' : joined.startsWith('#') ? 'comment' : 'statement';
    const space = joined.search(/\s/);
    result.push({
      line: start + 1,
      text: joined,
      raw,
      kind,
      word: kind === 'statement' ? (space < 0 ? joined : joined.slice(0, space)) : '',
      rest: kind === 'statement' && space >= 0 ? joined.slice(space).trim() : '',
    });
  }
  return result;
}
