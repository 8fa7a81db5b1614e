/**
 * A POSIX shell-words reader (XCU 2.2 quoting, 2.3 token recognition) for
 * tests: splits a command line into words as `sh` would, and refuses any
 * character the shell would act on unquoted (expansions, operators, globs,
 * comments), so "parses back to the intended argv" also means "nothing in it
 * is interpreted".
 */
const UNQUOTED_SPECIAL = new Set([
  '$',
  '`',
  ';',
  '&',
  '|',
  '<',
  '>',
  '(',
  ')',
  '*',
  '?',
  '[',
  '~',
  '#',
  '{',
  '}',
  '!',
  '\n',
]);
const BLANK = new Set([' ', '\t']);

export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let i = 0;
  const push = (text: string) => {
    word = (word ?? '') + text;
  };
  while (i < line.length) {
    const c = line[i]!;
    if (BLANK.has(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
      i++;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated single quote at ${i}`);
      push(line.slice(i + 1, end));
      i = end + 1;
    } else if (c === '"') {
      let j = i + 1;
      let text = '';
      for (;;) {
        const d = line[j];
        if (d === undefined) throw new Error(`unterminated double quote at ${i}`);
        if (d === '"') break;
        if (d === '$' || d === '`') throw new Error(`expansion '${d}' inside double quotes at ${j}`);
        if (d === '\\' && ['$', '`', '"', '\\', '\n'].includes(line[j + 1] ?? '')) {
          text += line[j + 1] === '\n' ? '' : line[j + 1];
          j += 2;
        } else {
          text += d;
          j++;
        }
      }
      push(text);
      i = j + 1;
    } else if (c === '\\') {
      const next = line[i + 1];
      if (next === undefined) throw new Error('trailing backslash');
      if (next !== '\n') push(next);
      i += 2;
    } else if (UNQUOTED_SPECIAL.has(c) && !(c === '#' && word !== undefined) && !(c === '~' && word !== undefined)) {
      throw new Error(`unquoted '${c === '\n' ? '\\n' : c}' at ${i}: the shell would act on it`);
    } else {
      push(c);
      i++;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}
