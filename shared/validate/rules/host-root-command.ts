import { hostRootCommands } from '../../model/root-commands.js';
import { defineRule } from '../define-rule.js';

/**
 * Commands in verbatim lines (`post-up ...` and friends, `ovs-extra`) run as
 * root on the host whenever ifupdown2 brings the interface up or down. A
 * shared design can carry them unseen in a canvas: each one is listed, quoted
 * as written (a loaded design's verbatim lines hold no hidden characters).
 */
export const hostRootCommand = defineRule({
  id: 'host/root-command',
  severity: 'info',
  summary:
    "A verbatim line (an interface's extra lines or an unmanaged block) runs a command as root on the host (`post-up`, `pre-down`, `ovs-extra`...).",
  check(index, report) {
    for (const host of index.ofKind('host')) {
      for (const c of hostRootCommands(host.element)) {
        const where = c.element
          ? `${c.element.name} on ${host.element.name}`
          : `an unmanaged block of host ${host.element.name}`;
        report(
          [c.element?.id ?? host.element.id],
          `${where} runs a command as root (${c.key}): ${JSON.stringify(c.command)}`,
        );
      }
    }
  },
});
