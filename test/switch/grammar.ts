/**
 * How the test switch matches a typed line against its commands, as IOS and
 * OS6 do: keywords may be cut to any unique prefix (`conf t`, `sh run`), a
 * word that fits nothing is marked with a caret, a line that stops too early
 * is incomplete, and a prefix of two keywords is ambiguous.
 */

/** A keyword, a number in a range, one of some words, any word, or the rest of the line. */
export type Word =
  | string
  | { readonly number: readonly [min: number, max: number]; readonly name: string }
  | { readonly choice: readonly string[]; readonly name: string }
  | { readonly word: string }
  | { readonly rest: string };

/** Values of the named words, and where each starts in the line (for the caret). */
export interface Args {
  readonly values: Readonly<Record<string, string>>;
  readonly offsets: Readonly<Record<string, number>>;
}

export type Match<C> =
  | { readonly ok: true; readonly command: C; readonly args: Args }
  | { readonly ok: false; readonly error: 'invalid'; readonly offset: number }
  | { readonly ok: false; readonly error: 'incomplete' }
  | { readonly ok: false; readonly error: 'ambiguous'; readonly typed: string };

interface Candidate<C> {
  readonly command: C;
  readonly words: readonly Word[];
  readonly args: Record<string, string>;
  readonly offsets: Record<string, number>;
  done: boolean;
}

/** Which keyword of `choices` the typed word names: exact first, else a unique prefix; `ambiguous` when several fit. */
function keywordOf(typed: string, choices: readonly string[]): string | 'ambiguous' | undefined {
  const lower = typed.toLowerCase();
  const exact = choices.find((c) => c.toLowerCase() === lower);
  if (exact) return exact;
  const prefixed = [...new Set(choices.filter((c) => c.toLowerCase().startsWith(lower)))];
  if (prefixed.length > 1) return 'ambiguous';
  return prefixed[0];
}

export function matchLine<C>(
  line: string,
  commands: readonly { readonly command: C; readonly words: readonly Word[] }[],
): Match<C> {
  const tokens = [...line.matchAll(/\S+/g)].map((m) => ({ text: m[0], offset: m.index }));
  let live: Candidate<C>[] = commands.map((c) => ({
    command: c.command,
    words: c.words,
    args: {},
    offsets: {},
    done: false,
  }));
  for (const [i, token] of tokens.entries()) {
    const open = live.filter((c) => !c.done);
    // Keywords compete with each other at this position: `s` is ambiguous between `show` and `switchport`.
    const keywords = open.map((c) => c.words[i]).filter((w): w is string => typeof w === 'string');
    const keyword = keywordOf(token.text, keywords);
    if (keyword === 'ambiguous')
      return { ok: false, error: 'ambiguous', typed: line.slice(0, token.offset + token.text.length).trim() };
    const next: Candidate<C>[] = live.filter((c) => c.done);
    for (const c of open) {
      const word = c.words[i];
      if (word === undefined) continue;
      if (typeof word === 'string') {
        if (word === keyword) next.push(c);
      } else if ('number' in word) {
        const n = Number(token.text);
        if (/^\d+$/.test(token.text) && n >= word.number[0] && n <= word.number[1])
          next.push(withArg(c, word.name, token.text, token.offset));
      } else if ('choice' in word) {
        const chosen = keywordOf(token.text, word.choice);
        if (chosen !== undefined && chosen !== 'ambiguous') next.push(withArg(c, word.name, chosen, token.offset));
      } else if ('word' in word) {
        next.push(withArg(c, word.word, token.text, token.offset));
      } else {
        const candidate = withArg(c, word.rest, line.slice(token.offset).trim(), token.offset);
        candidate.done = true;
        next.push(candidate);
      }
    }
    if (next.length === 0) return { ok: false, error: 'invalid', offset: token.offset };
    live = next;
  }
  // `interface range X` over `interface X`: the command whose keywords reach furthest wins.
  const complete = live
    .filter((c) => c.done || c.words.length === tokens.length)
    .sort((a, b) => keywordRun(b.words) - keywordRun(a.words))[0];
  if (!complete) return { ok: false, error: 'incomplete' };
  return { ok: true, command: complete.command, args: { values: complete.args, offsets: complete.offsets } };
}

function withArg<C>(c: Candidate<C>, name: string, value: string, offset: number): Candidate<C> {
  return { ...c, args: { ...c.args, [name]: value }, offsets: { ...c.offsets, [name]: offset } };
}

/** How many keywords a command starts with. */
function keywordRun(words: readonly Word[]): number {
  const first = words.findIndex((w) => typeof w !== 'string');
  return first === -1 ? words.length : first;
}
