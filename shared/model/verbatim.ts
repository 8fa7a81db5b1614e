/**
 * Verbatim content: the lines Netloom writes into `/etc/network/interfaces`
 * as they are (an interface's extra lines, a host's unmanaged blocks). One
 * line per entry, and no line may reach outside the place it is written in
 * ifupdown2's grammar:
 * - a line break or another control character would start lines nobody sees
 *   in the entry, and bidirectional formatting reorders what a reviewer reads;
 * - `%` makes ifupdown2 render the whole file as a Mako template, which runs
 *   Python as root (`${...}`, `<% %>`);
 * - a backslash joins lines: one that ends a line pulls the next line in, one
 *   that starts a line pulls it onto the line before; both must stay within
 *   the same list;
 * - in an interface's extra lines, a line starting with a stanza keyword
 *   (`auto`, `iface`, `allow-*`, `source`, ...) starts a new stanza;
 * - an unmanaged block must start a stanza of its own, or its first lines
 *   join the stanza before it.
 */

/** First words that start a stanza: ifupdown2's, and classic ifupdown's for Debian hosts. */
const STANZA_KEYWORDS: ReadonlySet<string> = new Set([
  'auto',
  'iface',
  'source',
  'source-directory',
  'vlan',
  'mapping',
  'rename',
  'no-auto-down',
  'no-scripts',
  'template',
]);

const isStanzaKeyword = (word: string) => STANZA_KEYWORDS.has(word) || word === 'allow' || word.startsWith('allow-');

export interface VerbatimProblem {
  /** Index of the entry in its list. */
  readonly index: number;
  readonly message: string;
}

/** C0 controls but tab, DEL, C1 controls, line/paragraph separators, bidi embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HIDDEN = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** The first word of a line as ifupdown2 splits it (any whitespace). */
export const firstWord = (line: string): string => line.trim().split(/\s+/, 1)[0] ?? '';

/** A line ending in a backslash (and blanks) continues on the next one. */
export const continues = (line: string): boolean => /\\\s*$/.test(line);

const startsWithBackslash = (line: string) => /^\s*\\/.test(line);
const isBlank = (line: string) => line.trim() === '';
const isComment = (line: string) => line.trim().startsWith('#');

function characterProblem(line: string): string | undefined {
  const hidden = HIDDEN.exec(line);
  if (hidden) {
    const code = hidden[0].charCodeAt(0);
    if (code === 0x0a || code === 0x0d) return 'holds a line break; write one line per entry';
    return `holds the invisible character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  if (line.includes('%'))
    return 'holds "%", which makes ifupdown2 run the whole file as a Mako template (Python, as root)';
  return undefined;
}

/** Problems every verbatim list shares: characters and backslash joins. */
function listProblems(lines: readonly string[]): VerbatimProblem[] {
  const problems: VerbatimProblem[] = [];
  lines.forEach((line, index) => {
    const character = characterProblem(line);
    if (character) problems.push({ index, message: character });
    else if (startsWithBackslash(line) && !(index > 0 && continues(lines[index - 1]!))) {
      problems.push({ index, message: 'starts with a backslash, which joins it onto the line before it' });
    } else if (continues(line) && (index === lines.length - 1 || isBlank(lines[index + 1]!))) {
      problems.push({
        index,
        message: 'ends with a backslash, which joins the line after it; continue it in the next entry',
      });
    }
  });
  return problems;
}

/** Problems of an interface's extra lines, each with the index of its entry. */
export function extraLinesProblems(lines: readonly string[]): VerbatimProblem[] {
  const problems = listProblems(lines);
  lines.forEach((line, index) => {
    const continuation = index > 0 && continues(lines[index - 1]!);
    const word = firstWord(line);
    if (!continuation && isStanzaKeyword(word) && !problems.some((p) => p.index === index)) {
      problems.push({ index, message: `starts with "${word}", which begins a new stanza outside this interface` });
    }
  });
  return problems.sort((a, b) => a.index - b.index);
}

/** Problems of one unmanaged block (whole stanzas), each with the index of its line. */
export function unmanagedBlockProblems(lines: readonly string[]): VerbatimProblem[] {
  const problems = listProblems(lines);
  const first = lines.findIndex((line) => !isBlank(line) && !isComment(line));
  if (first >= 0 && !isStanzaKeyword(firstWord(lines[first]!)) && !problems.some((p) => p.index === first)) {
    problems.push({
      index: first,
      message:
        'is the first statement of the block but starts no stanza (auto, iface, allow-*, source...), so it would join the stanza before it',
    });
  }
  return problems.sort((a, b) => a.index - b.index);
}

/**
 * An extra line as Netloom before one-line entries stored it: a line
 * continued with `\` and its following lines in one string. Split back into
 * lines when every break follows a backslash; `undefined` when it does not
 * (the entry smuggles a line of its own).
 */
export function splitContinuedLine(entry: string): string[] | undefined {
  if (!entry.includes('\n')) return [entry];
  const lines = entry.split('\n');
  return lines.slice(0, -1).every(continues) ? lines : undefined;
}

/** An unmanaged block as Netloom before one-line entries stored it: one string, lines joined by `\n`. */
export const splitBlockText = (block: string): string[] => block.replace(/\n+$/, '').split('\n');
