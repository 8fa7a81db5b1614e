/**
 * The one way into the model: text -> JSON -> format check and migration ->
 * schema -> load step -> integrity. Every problem comes back with the JSON
 * path it is about; nothing here throws for bad input. The load step is what
 * layers above the model know (vendor port names); shared/load passes it, and
 * callers load through there.
 */
import { z } from 'zod';
import { indexDesign, type DesignIndex } from './index-of.js';
import { checkIntegrity, type IntegrityIssue } from './integrity.js';
import { describeJsonSyntaxError, findJsonSyntaxError } from './json-syntax.js';
import { formatPath, type PathSegment } from './paths.js';
import { designParser, type Design, FORMAT } from './schema.js';

export interface LoadProblem {
  /** `hosts[0].bonds[1].members[0]`, or `(document)`. */
  readonly path: string;
  readonly message: string;
}

export type RestoreResult =
  | {
      readonly ok: true;
      readonly design: Design;
      /** The index the integrity check built, of `design` as returned: `check` runs its rules on it. */
      readonly index: DesignIndex;
    }
  | { readonly ok: false; readonly problems: readonly LoadProblem[] };

/** What loading needs from the layers above the model. */
export interface LoadStep {
  /** Rewrites what has one stored form (port names) into it, keeping unchanged objects. */
  normalise(design: Design): Design;
  /** What `normalise` could not make right, with JSON paths. */
  check(design: Design): readonly IntegrityIssue[];
}

/**
 * Migrations from older formats, each taking the raw JSON of one version to
 * the next. `netloom/1` is the first format, so the table is empty; a future
 * `netloom/2` adds `'netloom/1': (doc) => ...` here.
 */
const MIGRATIONS: Readonly<Record<string, (doc: Record<string, unknown>) => Record<string, unknown>>> = {};

const problem = (path: readonly PathSegment[], message: string): LoadProblem => ({ path: formatPath(path), message });

function describeZodIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  // Messages the schema wrote itself are already sentences; zod's defaults start with "Invalid".
  if (!issue.message.startsWith('Invalid')) return issue.message;
  if (issue.code === 'invalid_type') {
    return issue.input === undefined
      ? `is required (expected ${issue.expected})`
      : `expected ${issue.expected}, got ${describeValue(issue.input)}`;
  }
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return issue.message;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Validates and upgrades already-parsed JSON; `size`, the length of its text when known, picks the schema's parser. */
export function restoreDesignWith(json: unknown, step: LoadStep, size = 0): RestoreResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, problems: [problem([], 'a design must be a JSON object')] };
  }
  let doc = json as Record<string, unknown>;
  const seen = new Set<string>();
  while (typeof doc.format === 'string' && doc.format !== FORMAT && MIGRATIONS[doc.format] && !seen.has(doc.format)) {
    seen.add(doc.format);
    doc = MIGRATIONS[doc.format]!(doc);
  }
  if (doc.format !== FORMAT) {
    // Only a Netloom version is quoted: any other file's content stays out of the message.
    const message =
      typeof doc.format === 'string' && /^netloom\/\d{1,6}$/.test(doc.format)
        ? `unknown format version "${doc.format}"; this Netloom reads "${FORMAT}"`
        : `no "format": "${FORMAT}" field: this is not a Netloom design`;
    return { ok: false, problems: [problem(['format'], message)] };
  }
  const parsed = designParser(size).safeParse(doc, { reportInput: true });
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => problem(i.path as PathSegment[], describeZodIssue(i))),
    };
  }
  const design = step.normalise(parsed.data);
  const index = indexDesign(design);
  const issues = [...step.check(design), ...checkIntegrity(design, index)];
  if (issues.length > 0) return { ok: false, problems: issues.map((i) => problem(i.path, i.message)) };
  const kept = dropStaleLayout(design, index);
  return { ok: true, design: kept, index: kept === design ? index : { ...index, design: kept } };
}

/**
 * Why the text is not JSON, without quoting it: V8's message echoes the start
 * of the text, and the file may be any file at all (a key, a password file).
 */
function notJson(error: Error): string {
  const at = / at position (\d+)/.exec(error.message);
  if (at) return `not valid JSON (at character ${Number(at[1]) + 1})`;
  return /end of JSON input/.test(error.message)
    ? 'not valid JSON (it ends too early)'
    : 'not valid JSON (this is not a Netloom design file)';
}

/** Parses the text of a `.netloom.json` file. */
export function parseDesignWith(text: string, step: LoadStep): RestoreResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    // Where the JSON breaks, with the text there, only for what looks like a design (an object);
    // any other file is not quoted, so opening the wrong file shows none of its content.
    const where = text.trimStart().startsWith('{') ? findJsonSyntaxError(text) : undefined;
    return {
      ok: false,
      problems: [problem([], where ? `not valid JSON: ${describeJsonSyntaxError(where)}` : notJson(e as Error))],
    };
  }
  return restoreDesignWith(json, step, text.length);
}

/** Layout entries of elements that no longer exist are dropped, not reported. */
function dropStaleLayout(design: Design, index: DesignIndex): Design {
  // Usually every entry is an indexed element's: then nothing is stale, and nothing is walked.
  let stale = false;
  for (const id in design.layout) if (!index.byId.has(id)) stale = true;
  if (!stale) return design;
  const ids = new Set<string>();
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) collect(item);
    } else if (value && typeof value === 'object') {
      const id = (value as { id?: unknown }).id;
      if (typeof id === 'string') ids.add(id);
      for (const key in value) collect((value as Record<string, unknown>)[key]);
    }
  };
  collect([design.networks, design.hosts, design.switches, design.cables]);
  const layout = Object.fromEntries(Object.entries(design.layout).filter(([id]) => ids.has(id)));
  return { ...design, layout };
}

export function formatProblems(problems: readonly LoadProblem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}
