/**
 * Where a text stops being JSON (RFC 8259), as line and column with the text
 * around it. JSON.parse says "position 268" in some engines and nothing at all
 * in others ("Unexpected token '}', ... is not valid JSON"); people read files
 * by line. Only called once JSON.parse has refused the text.
 */

export interface JsonSyntaxError {
  /** 1-based, counted in lines ended by \n. */
  readonly line: number;
  /** 1-based, in UTF-16 code units from the start of the line. */
  readonly column: number;
  readonly offset: number;
  /** What was expected or found there, such as `expected ',' or '}' after a property value`. */
  readonly reason: string;
  /** The line around the offending character, with `>>` in front of it. */
  readonly snippet: string;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;
const LITERALS = ['true', 'false', 'null'] as const;
const SNIPPET_REACH = 24;

type Container = '{' | '[';
/** What the scanner waits for next inside the innermost container. */
type Expect = 'value' | 'key-or-close' | 'key' | 'colon' | 'comma-or-close' | 'value-or-close' | 'end';

/** The first syntax error in `text`, or undefined when the text is JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const fail = (offset: number, reason: string): JsonSyntaxError => located(text, offset, reason);
  const stack: Container[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const skipWhitespace = (): void => {
    while (i < text.length && WHITESPACE.has(text[i]!)) i++;
  };
  /** Reads a string starting at the quote at `i`; returns an error or moves `i` past it. */
  const readString = (): JsonSyntaxError | undefined => {
    const start = i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return undefined;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          HEX4.lastIndex = i + 2;
          if (!HEX4.test(text)) return fail(i, 'bad \\u escape in a string (needs four hex digits)');
          i += 6;
        } else if (e !== undefined && ESCAPES.has(e)) i += 2;
        else return fail(i, `bad escape \\${e ?? ''} in a string`);
      } else if (c < ' ') return fail(i, 'line break or control character inside a string (write \\n, \\t...)');
      else i++;
    }
    return fail(start, 'string never closed (no closing ")');
  };
  const afterValue = (): Expect => (stack.length === 0 ? 'end' : 'comma-or-close');

  for (;;) {
    skipWhitespace();
    if (i >= text.length) {
      if (expect === 'end') return undefined;
      const reason =
        stack.length === 0
          ? 'the file is empty'
          : `the text ends inside an ${stack.at(-1) === '{' ? 'object (missing })' : 'array (missing ])'}`;
      return fail(text.length, reason);
    }
    const c = text[i]!;
    const top = stack.at(-1);
    if (expect === 'end') return fail(i, 'unexpected text after the end of the JSON document');
    if (expect === 'colon') {
      if (c !== ':') return fail(i, "expected ':' after a property name");
      i++;
      expect = 'value';
      continue;
    }
    if (expect === 'comma-or-close') {
      const close = top === '{' ? '}' : ']';
      if (c === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
      } else if (c === close) {
        i++;
        stack.pop();
        expect = afterValue();
      } else
        return fail(
          i,
          top === '{' ? "expected ',' or '}' after a property value" : "expected ',' or ']' after an array element",
        );
      continue;
    }
    if (expect === 'key' || expect === 'key-or-close') {
      if (c === '}' && expect === 'key-or-close') {
        i++;
        stack.pop();
        expect = afterValue();
        continue;
      }
      if (c !== '"')
        return fail(
          i,
          expect === 'key'
            ? "expected a property name in double quotes (no ',' before '}')"
            : "expected a property name in double quotes or '}'",
        );
      const error = readString();
      if (error) return error;
      expect = 'colon';
      continue;
    }
    // A value (or, right after '[', the end of the array).
    if (c === ']' && expect === 'value-or-close') {
      i++;
      stack.pop();
      expect = afterValue();
      continue;
    }
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      expect = c === '{' ? 'key-or-close' : 'value-or-close';
      continue;
    }
    if (c === '"') {
      const error = readString();
      if (error) return error;
      expect = afterValue();
      continue;
    }
    const literal = LITERALS.find((word) => text.startsWith(word, i));
    if (literal) {
      i += literal.length;
      expect = afterValue();
      continue;
    }
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) {
      i = NUMBER.lastIndex;
      expect = afterValue();
      continue;
    }
    return fail(
      i,
      top === '[' && c === ']'
        ? "expected a value (no ',' before ']')"
        : `expected a value, found ${JSON.stringify(c)}`,
    );
  }
}

function located(text: string, offset: number, reason: string): JsonSyntaxError {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEndAt = text.indexOf('\n', offset);
  const lineEnd = lineEndAt === -1 ? text.length : lineEndAt;
  const line = text.slice(0, lineStart).split('\n').length;
  const from = Math.max(lineStart, offset - SNIPPET_REACH);
  const to = Math.min(lineEnd, offset + SNIPPET_REACH);
  const before = `${from > lineStart ? '…' : ''}${text.slice(from, offset)}`.trimStart();
  const after = `${text.slice(offset, to)}${to < lineEnd ? '…' : ''}`.replace(/\r$/, '');
  return { line, column: offset - lineStart + 1, offset, reason, snippet: `${before}>>${after}` };
}

/** `line 12, column 5: expected ... : "mtu": 9000 >>"name"` */
export function describeJsonSyntaxError(error: JsonSyntaxError): string {
  return `line ${error.line}, column ${error.column}: ${error.reason}: ${error.snippet}`;
}
