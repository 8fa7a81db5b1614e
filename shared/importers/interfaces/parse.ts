/**
 * Parses interfaces text into stanzas with ifupdown2's grammar: `iface` and
 * `vlan` open a stanza that takes every following statement up to the next
 * keyword (`iface`, `vlan`, `auto`, `allow-*`, `source`); `auto`, `allow-*`
 * and `source` are one-line statements. Anything else at the top level
 * (`mapping`, `source-directory`, `no-auto-down`...) is something ifupdown2
 * refuses; it is kept as an unknown block with its line number.
 */
import { logicalLines, type LogicalLine } from './lines.js';

/** One physical line of the file as written, with its 1-based number. */
export interface NumberedLine {
  readonly line: number;
  readonly text: string;
}

const numbered = (lines: readonly LogicalLine[]): NumberedLine[] =>
  lines.flatMap((l) => l.raw.split('\n').map((text, j) => ({ line: l.line + j, text })));

export interface Attribute {
  readonly line: number;
  /** The key as written, e.g. `bridge_ports`. */
  readonly key: string;
  readonly value: string;
  readonly raw: string;
}

export interface IfaceStanza {
  readonly type: 'iface';
  readonly line: number;
  readonly name: string;
  readonly family: string | undefined;
  readonly method: string | undefined;
  /** Comment lines directly above the header, with no blank line between. */
  readonly leadingComments: readonly LogicalLine[];
  /** Attribute lines and comments of the body, in order. */
  readonly body: readonly (Attribute | LogicalLine)[];
  /** The whole stanza as written (leading comments, header, body). */
  readonly lines: readonly NumberedLine[];
}

export interface StartLine {
  readonly type: 'auto' | 'allow';
  readonly line: number;
  /** `auto`, or the class of `allow-CLASS` (`hotplug`, `ovs`, `bond0`...). */
  readonly className: string;
  readonly names: readonly string[];
  readonly lines: readonly NumberedLine[];
}

export interface SourceLine {
  readonly type: 'source';
  readonly line: number;
  readonly path: string;
  readonly lines: readonly NumberedLine[];
}

/** A block ifupdown2 does not read as an interface: a `vlan` stanza, or lines it refuses. */
export interface OtherBlock {
  readonly type: 'other';
  readonly line: number;
  readonly lines: readonly NumberedLine[];
  /** Why ifupdown2 refuses it, when it does. */
  readonly problem?: string;
}

export interface CommentBlock {
  readonly type: 'comment';
  readonly line: number;
  readonly lines: readonly NumberedLine[];
}

export type Item = IfaceStanza | StartLine | SourceLine | OtherBlock | CommentBlock;

export interface ParsedInterfaces {
  readonly items: readonly Item[];
}

const isKeyword = (word: string) =>
  word === 'iface' || word === 'vlan' || word === 'auto' || word === 'source' || word.startsWith('allow-');
export const isAttribute = (x: Attribute | LogicalLine): x is Attribute => 'key' in x;

export function parseInterfaces(text: string): ParsedInterfaces {
  const lines = logicalLines(text);
  const items: Item[] = [];
  let pendingComments: LogicalLine[] = [];
  // Comments standing on their own (blank lines around them) right after an iface stanza stay with it, so they
  // are written after that stanza again, not moved to the end of the file.
  const flushComments = () => {
    const last = items.at(-1);
    if (pendingComments.length > 0 && last?.type === 'iface') {
      items[items.length - 1] = {
        ...last,
        body: [...last.body, ...pendingComments],
        lines: [...last.lines, ...numbered(pendingComments)],
      };
    } else if (pendingComments.length > 0) {
      items.push({ type: 'comment', line: pendingComments[0]!.line, lines: numbered(pendingComments) });
    }
    pendingComments = [];
  };

  let i = 0;
  while (i < lines.length) {
    const l = lines[i]!;
    if (l.kind === 'blank') {
      flushComments();
      i++;
      continue;
    }
    if (l.kind === 'comment') {
      pendingComments.push(l);
      i++;
      continue;
    }
    if (l.word === 'iface' || l.word === 'vlan') {
      // The stanza ends at its last statement before the next keyword; comments after it belong to what follows.
      let end = i;
      for (let j = i + 1; j < lines.length && !(lines[j]!.kind === 'statement' && isKeyword(lines[j]!.word)); j++) {
        if (lines[j]!.kind === 'statement') end = j;
      }
      const own = lines.slice(i + 1, end + 1).filter((x) => x.kind !== 'blank');
      const body = own.map((b): Attribute | LogicalLine =>
        b.kind === 'comment' ? b : { line: b.line, key: b.word, value: b.rest, raw: b.raw },
      );
      const written = numbered([...pendingComments, l, ...own]);
      const [name = '', family, method] = l.rest.split(/\s+/);
      items.push(
        l.word === 'vlan'
          ? { type: 'other', line: l.line, lines: written }
          : {
              type: 'iface',
              line: l.line,
              name,
              family,
              method,
              leadingComments: pendingComments,
              body,
              lines: written,
            },
      );
      pendingComments = [];
      i = end + 1;
      continue;
    }
    // Comments right above `auto X` belong to the stanza that follows it, as Netloom and Proxmox VE write them.
    if (l.word !== 'auto' && !l.word.startsWith('allow-')) flushComments();
    if (l.word === 'auto' || l.word.startsWith('allow-')) {
      const names = l.rest.split(/\s+/).filter(Boolean);
      const className = l.word === 'auto' ? 'auto' : l.word.slice('allow-'.length);
      if (names.length === 0 || className === '') {
        items.push({ type: 'other', line: l.line, lines: numbered([l]), problem: `"${l.text}" names no interface` });
      } else {
        items.push({
          type: l.word === 'auto' ? 'auto' : 'allow',
          line: l.line,
          className,
          names,
          lines: numbered([l]),
        });
      }
    } else if (l.word === 'source') {
      items.push(
        l.rest === ''
          ? { type: 'other', line: l.line, lines: numbered([l]), problem: 'source names no file' }
          : { type: 'source', line: l.line, path: l.rest, lines: numbered([l]) },
      );
    } else {
      items.push({
        type: 'other',
        line: l.line,
        lines: numbered([l]),
        problem: `ifupdown2 does not understand "${l.word}" outside an iface stanza`,
      });
    }
    i++;
  }
  flushComments();
  return { items };
}
