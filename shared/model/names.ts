/**
 * Name rules. A name in a design ends up in config files, file paths and
 * (quoted) remote commands, so the accepted alphabet is deliberately small.
 * Each check returns `undefined` when the name is fine, or a sentence saying
 * what is wrong.
 */

/** Linux IFNAMSIZ is 16 including the terminating NUL. */
export const KERNEL_NAME_MAX = 15;

const SHELL_META = /[;&|`$<>(){}[\]*?!~#'"\\]/;

function describeBadChar(name: string): string | undefined {
  if (/\s/.test(name)) return 'contains whitespace';
  if (name.includes('/')) return "contains '/'";
  const meta = SHELL_META.exec(name);
  if (meta) return `contains the shell metacharacter '${meta[0]}'`;
  return undefined;
}

/** Linux interface name: 1-15 characters, none of `/`, `:`, whitespace, shell metacharacters. */
export function checkInterfaceName(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  if (name.length > KERNEL_NAME_MAX) {
    return `"${name}" is ${name.length} characters; the kernel allows at most ${KERNEL_NAME_MAX}`;
  }
  const bad = describeBadChar(name);
  if (bad) return `"${name}" ${bad}`;
  if (name.includes(':')) return `"${name}" contains ':', which the kernel refuses in interface names`;
  if (name === '.' || name === '..') return `"${name}" is not a valid interface name`;
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.@+-]*$/.test(name)) {
    return `"${name}" may use only letters, digits and . _ - + @, and must not start with . - + @`;
  }
  return undefined;
}

/** Host and switch names double as directory names in exports. */
export function checkDeviceName(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  const bad = describeBadChar(name);
  if (bad) return `"${name}" ${bad}`;
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/.test(name)) {
    return `"${name}" must be a hostname: letters, digits and '-', up to 63 characters, starting with a letter or digit`;
  }
  return undefined;
}

/** Free text that ends up in comments and switch descriptions: one printable line. */
export function checkDescription(text: string): string | undefined {
  if (text.length > 200) return 'is longer than 200 characters';
  if ([...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) {
    return 'contains a line break or control character';
  }
  if (/["'`$\\]/.test(text)) return "must not contain quotes, backquotes, '$' or '\\'";
  return undefined;
}
