/**
 * Fuzz: whatever JSON or text reaches the one way into the model, restore
 * neither throws nor hangs, and every refusal names a place (a JSON path, or
 * `(document)`) and says what is wrong. Bounded runs: a few seconds in all.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDesign, restoreDesign } from '../../../shared/load/index.js';
import { serializeDesign, type RestoreResult } from '../../../shared/model/index.js';
import { exampleJson } from '../../helpers/design.js';

/** Longest a single restore may take before it counts as a hang. */
const HANG_MS = 5_000;

function expectAnswered(run: () => RestoreResult): void {
  const started = performance.now();
  const result = run();
  expect(performance.now() - started).toBeLessThan(HANG_MS);
  if (result.ok) {
    // What loads saves and loads again to the same design.
    const again = parseDesign(serializeDesign(result.design));
    expect(again.ok && again.design).toEqual(result.design);
    return;
  }
  expect(result.problems.length).toBeGreaterThan(0);
  for (const p of result.problems) {
    expect(p.path).toMatch(/\S/);
    expect(p.message).toMatch(/\S/);
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside the example design. */
function pathsOf(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const here = [at];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))];
  if (value && typeof value === 'object')
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
  return here;
}

/** Strings a hostile design would try: line breaks, stanza keywords, Mako, escapes, bidi, huge. */
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\nauto evil\niface evil inet manual',
    'post-up id \\',
    '${x} %',
    '\u202e',
    '\x1b[2K',
    'a'.repeat(5000),
    '',
    ' ',
    '-1',
    '__proto__',
    'constructor',
  ),
);
const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), nasty, fc.array(nasty, { maxLength: 4 }));

type Mutation =
  | { path: number; kind: 'set'; value: unknown }
  | { path: number; kind: 'delete' }
  | { path: number; kind: 'add'; key: string; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ path: fc.nat(), kind: fc.constant('set' as const), value }),
  fc.record({ path: fc.nat(), kind: fc.constant('delete' as const) }),
  fc.record({
    path: fc.nat(),
    kind: fc.constant('add' as const),
    key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('id', 'extraLines', 'unmanaged', 'members')),
    value,
  }),
);

function mutate(doc: Json, mutations: readonly Mutation[]): Json {
  for (const m of mutations) {
    const paths = pathsOf(doc).filter((p) => p.length > 0);
    if (paths.length === 0) break;
    const path = paths[m.path % paths.length]!;
    const parent = path.slice(0, -1).reduce<Json>((v, k) => (v as Record<string | number, Json>)[k]!, doc) as Record<
      string | number,
      unknown
    >;
    const key = path[path.length - 1]!;
    if (m.kind === 'set') parent[key] = m.value;
    else if (m.kind === 'delete' && Array.isArray(parent)) parent.splice(key as number, 1);
    else if (m.kind === 'delete') delete parent[key];
    else {
      const target = parent[key];
      if (Array.isArray(target)) target.push(m.value);
      else if (target && typeof target === 'object') (target as Record<string, unknown>)[m.key] = m.value;
    }
  }
  return doc;
}

describe('restore, fuzzed', () => {
  it('answers any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (json) => expectAnswered(() => restoreDesign(json))),
      { numRuns: 300 },
    );
  });

  it('answers any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.json({ maxDepth: 3 })), (text) =>
        expectAnswered(() => parseDesign(text)),
      ),
      { numRuns: 300 },
    );
  });

  it('answers the example design with values set, deleted or added anywhere', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        expectAnswered(() => restoreDesign(mutate(exampleJson() as Json, mutations)));
      }),
      { numRuns: 400 },
    );
  });
});
