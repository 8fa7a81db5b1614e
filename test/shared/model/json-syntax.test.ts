import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../../shared/model/json-syntax.js';
import { parseDesign } from '../../../shared/load/index.js';

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('findJsonSyntaxError', () => {
  it.each([
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, "expected ',' or '}' after a property value", '>>"b": 2'],
    ['{"a":}', 1, 6, 'expected a value, found "}"', '{"a":>>}'],
    ['[1,]', 1, 4, "expected a value (no ',' before ']')", '[1,>>]'],
    ['{"a": 1,}', 1, 9, "expected a property name in double quotes (no ',' before '}')", '{"a": 1,>>}'],
    ['{"a" 1}', 1, 6, "expected ':' after a property name", '{"a" >>1}'],
    ['{"a": "x\ny"}', 1, 9, 'line break or control character inside a string (write \\n, \\t...)', '{"a": "x>>'],
    ['{"a": "x\\q"}', 1, 9, 'bad escape \\q in a string', '{"a": "x>>\\q"}'],
    ['{"a": [1, 2', 1, 12, 'the text ends inside an array (missing ])', '{"a": [1, 2>>'],
    ['{} x', 1, 4, 'unexpected text after the end of the JSON document', '{} >>x'],
    ['  ', 1, 3, 'the file is empty', '>>'],
    ['{"a": tru}', 1, 7, 'expected a value, found "t"', '{"a": >>tru}'],
  ])('%j: line %i, column %i', (text, line, column, reason, snippet) => {
    expect(findJsonSyntaxError(text)).toMatchObject({ line, column, reason, snippet });
  });

  it('cuts long lines to the text around the error', () => {
    const text = `{"description": "${'x'.repeat(60)}" "next": 1}`;
    const error = findJsonSyntaxError(text);
    expect(error?.snippet).toBe(`…${'x'.repeat(22)}" >>"next": 1}`);
  });

  it('agrees with JSON.parse on valid JSON and on JSON with one character dropped or added', () => {
    const edit = fc.oneof(
      fc.record({ drop: fc.nat() }),
      fc.record({ insert: fc.nat(), char: fc.constantFrom(...'{}[],:"\\ -.0e1tnf\n') }),
    );
    fc.assert(
      fc.property(fc.json(), edit, (json, change) => {
        expect(findJsonSyntaxError(json)).toBeUndefined();
        const at = ('drop' in change ? change.drop : change.insert) % (json.length + 1);
        const text =
          'drop' in change ? json.slice(0, at) + json.slice(at + 1) : json.slice(0, at) + change.char + json.slice(at);
        expect(findJsonSyntaxError(text) === undefined).toBe(parses(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseDesign on text that is not JSON', () => {
  it('names the line and column and shows the text there, whatever the engine says', () => {
    const result = parseDesign('{\n  "format": "netloom/1",\n  "name": "lab"\n  "hosts": []\n}\n');
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: '(document)',
          message: `not valid JSON: line 4, column 3: expected ',' or '}' after a property value: >>"hosts": []`,
        },
      ],
    });
  });
});
