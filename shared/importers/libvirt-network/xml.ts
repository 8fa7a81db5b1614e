/**
 * A small XML reader for the documents libvirt prints (`virsh net-dumpxml`):
 * elements, attributes in single or double quotes, text, comments, the XML
 * declaration and the five predefined entities. Every element keeps its
 * line, so a caller can say where a problem is. No DTDs, CDATA or
 * processing instructions beyond the declaration: libvirt writes none.
 */

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
  readonly line: number;
}

export class XmlSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', apos: "'", quot: '"' };

function unescape(text: string, line: number): string {
  return text.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
    const numeric = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(name);
    if (whole.endsWith(';') && numeric) {
      const code = numeric[1]!.startsWith('x') ? parseInt(numeric[1]!.slice(1), 16) : Number(numeric[1]);
      return String.fromCodePoint(code);
    }
    const value = whole.endsWith(';') ? ENTITIES[name] : undefined;
    if (value === undefined) throw new XmlSyntaxError(line, `"${whole}" is not an XML entity (write & as &amp;)`);
    return value;
  });
}

const NAME = /^[A-Za-z_][\w.:-]*/;

interface Open {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

/** Parses one XML document into its root element; `XmlSyntaxError` names the line of the first problem. */
export function parseXml(source: string): XmlElement {
  let at = 0;
  let line = 1;
  const stack: Open[] = [];
  let root: XmlElement | undefined;
  const advance = (to: number) => {
    for (let i = at; i < to; i++) if (source.charCodeAt(i) === 10) line++;
    at = to;
  };
  const close = (open: Open) => {
    const element: XmlElement = { ...open, text: open.text.trim() };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (root) throw new XmlSyntaxError(open.line, `a second root element <${open.name}>; a document has one`);
    else root = element;
  };
  while (at < source.length) {
    const lt = source.indexOf('<', at);
    const textEnd = lt < 0 ? source.length : lt;
    const text = source.slice(at, textEnd);
    if (text.trim() !== '') {
      const parent = stack[stack.length - 1];
      if (!parent) throw new XmlSyntaxError(line, `text outside the root element: "${text.trim().slice(0, 40)}"`);
      parent.text += unescape(text, line);
    }
    advance(textEnd);
    if (lt < 0) break;
    if (source.startsWith('<!--', at)) {
      const end = source.indexOf('-->', at + 4);
      if (end < 0) throw new XmlSyntaxError(line, 'a comment (<!--) is never closed (-->)');
      advance(end + 3);
    } else if (source.startsWith('<?', at)) {
      const end = source.indexOf('?>', at + 2);
      if (end < 0) throw new XmlSyntaxError(line, 'the XML declaration (<?) is never closed (?>)');
      advance(end + 2);
    } else if (source.startsWith('</', at)) {
      const end = source.indexOf('>', at);
      const name = source.slice(at + 2, end < 0 ? undefined : end).trim();
      const open = stack.pop();
      if (!open) throw new XmlSyntaxError(line, `</${name}> closes nothing`);
      if (open.name !== name)
        throw new XmlSyntaxError(line, `</${name}> closes <${open.name}> (opened on line ${open.line})`);
      if (end < 0) throw new XmlSyntaxError(line, `</${name} is never closed with >`);
      advance(end + 1);
      close(open);
    } else {
      const startLine = line;
      advance(at + 1);
      const name = NAME.exec(source.slice(at))?.[0];
      if (!name) throw new XmlSyntaxError(line, `"<" must start an element name, a comment or a closing tag`);
      advance(at + name.length);
      const attributes: Record<string, string> = {};
      for (;;) {
        const space = /^\s*/.exec(source.slice(at))![0];
        advance(at + space.length);
        if (source.startsWith('/>', at) || source.startsWith('>', at)) break;
        const m = /^([A-Za-z_][\w.:-]*)\s*=\s*(?:'([^']*)'|"([^"]*)")/.exec(source.slice(at));
        if (!m || space === '')
          throw new XmlSyntaxError(line, `<${name}>: expected an attribute such as name='value', or > to end the tag`);
        if (m[1]! in attributes) throw new XmlSyntaxError(line, `<${name}> has attribute ${m[1]} twice`);
        attributes[m[1]!] = unescape(m[2] ?? m[3]!, line);
        advance(at + m[0].length);
      }
      const open: Open = { name, attributes, children: [], text: '', line: startLine };
      if (source.startsWith('/>', at)) {
        advance(at + 2);
        close(open);
      } else {
        advance(at + 1);
        stack.push(open);
      }
    }
  }
  const unclosed = stack.pop();
  if (unclosed) throw new XmlSyntaxError(unclosed.line, `<${unclosed.name}> is never closed`);
  if (!root) throw new XmlSyntaxError(line, 'no XML element found');
  return root;
}
