/**
 * Highlighting for the configuration files Netloom writes: ifupdown2
 * interfaces, `qm set` scripts and switch configurations. One small
 * line-oriented tokenizer covers all three: comments (`#`, `!`), the first
 * word of a line (stanza keyword or attribute), flags, numbers and addresses.
 */
import { HighlightStyle, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';

const STANZA = new Set([
  'auto',
  'iface',
  'source',
  'source-directory',
  'mapping',
  'allow-hotplug',
  'allow-auto',
  'interface',
  'vlan',
  'qm',
  'exit',
  'end',
  'hostname',
]);
const METHODS = new Set([
  'inet',
  'inet6',
  'static',
  'manual',
  'dhcp',
  'loopback',
  'auto',
  'trunk',
  'access',
  'active',
  'passive',
  'on',
  'set',
  'mode',
  'all',
  'no',
]);

interface LineState {
  first: boolean;
}

export const configLanguage = StreamLanguage.define<LineState>({
  name: 'netloom-config',
  startState: () => ({ first: true }),
  token(stream, state) {
    if (stream.sol()) state.first = true;
    if (stream.eatSpace()) return null;
    if ((stream.peek() === '#' || stream.peek() === '!') && state.first) {
      stream.skipToEnd();
      return 'comment';
    }
    if (stream.match(/^--[\w-]+/)) return 'attributeName';
    if (stream.match(/^[0-9a-fA-F:]*:[0-9a-fA-F:]+(\/\d+)?/) || stream.match(/^\d+\.\d+\.\d+\.\d+(\/\d+)?/))
      return 'string';
    if (stream.match(/^\d+([-,]\d+)*(?=[\s,]|$)/)) return 'number';
    const word = stream.match(/^[^\s=,]+/) as RegExpMatchArray | null;
    if (!word) {
      stream.next();
      return null;
    }
    const text = word[0];
    const wasFirst = state.first;
    state.first = false;
    if (wasFirst && STANZA.has(text)) return 'keyword';
    if (wasFirst) return 'propertyName';
    if (METHODS.has(text)) return 'atom';
    return 'variableName';
  },
});

const style = HighlightStyle.define([
  { tag: tags.comment, color: 'var(--cm-comment)', fontStyle: 'italic' },
  { tag: tags.keyword, color: 'var(--cm-keyword)', fontWeight: '600' },
  { tag: tags.propertyName, color: 'var(--cm-property)' },
  { tag: tags.attributeName, color: 'var(--cm-property)' },
  { tag: tags.atom, color: 'var(--cm-atom)' },
  { tag: tags.number, color: 'var(--cm-number)' },
  { tag: tags.string, color: 'var(--cm-string)' },
  { tag: tags.variableName, color: 'var(--cm-text)' },
]);

export const configHighlighting = syntaxHighlighting(style);
