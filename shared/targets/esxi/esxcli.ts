/**
 * An ESXi host's standard vSwitches and port groups as a reviewable esxcli
 * script (`esxcli.sh`), for a host where they do not exist yet: per vSwitch
 * add, MTU, uplinks, failover (active/standby, load balancing) and security
 * policy; per port group add, VLAN id and the security fields it overrides.
 * Option names come from the kind tables; every value is a quoted word.
 */
import {
  portGroupAttributes,
  SECURITY_FIELDS,
  vswitchAttributes,
  type SecurityVerdict,
} from '../../model/kinds/index.js';
import type { Host } from '../../model/schema.js';
import { sh } from '../../shell/quote.js';
import { ConfigText } from '../switch-common/config-text.js';
import { esxiSettings, type SecurityPolicy } from './settings.js';
import { esxiTarget } from './target.js';

export const ESXCLI_PATH = 'esxcli.sh';

const VSWITCH = ['esxcli', 'network', 'vswitch', 'standard'] as const;
const option = (key: string) => `--${key}`;
const BOOLEAN: Record<SecurityVerdict, string> = { reject: 'false', accept: 'true' };

/** `--allow-promiscuous true ...` for the fields set. */
function securityOptions(policy: Partial<SecurityPolicy>): string[] {
  return SECURITY_FIELDS.flatMap((field) => {
    const verdict = policy[field];
    return verdict === undefined ? [] : [option(vswitchAttributes[field].keys.esxcli), BOOLEAN[verdict]];
  });
}

function script(host: Host): ConfigText {
  const out = new ConfigText()
    .line('#!/bin/sh', host.id)
    .line(`# Standard vSwitches and port groups of ESXi host ${host.name}, written by Netloom.`, host.id)
    .line('# For a host where they do not exist yet. Review, then run in the ESXi Shell: sh esxcli.sh', host.id)
    .line('set -e', host.id);
  for (const v of esxiSettings(host)) {
    const name = ['--vswitch-name', v.name];
    const cmd = (...argv: string[]) => out.line(sh([...VSWITCH, ...argv]), v.id);
    out.line('');
    out.line(`# vSwitch ${v.name}`, v.id);
    cmd('add', ...name);
    cmd('set', ...name, option(vswitchAttributes.mtu.keys.esxcli), String(v.mtu));
    for (const uplink of [...v.uplinks.active, ...v.uplinks.standby, ...v.uplinks.unused])
      cmd('uplink', 'add', ...name, '--uplink-name', uplink);
    cmd(
      'policy',
      'failover',
      'set',
      ...name,
      ...(v.uplinks.active.length > 0 ? ['--active-uplinks', v.uplinks.active.join(',')] : []),
      ...(v.uplinks.standby.length > 0 ? ['--standby-uplinks', v.uplinks.standby.join(',')] : []),
      option(vswitchAttributes.loadBalancing.keys.esxcli),
      v.loadBalancing,
    );
    cmd('policy', 'security', 'set', ...name, ...securityOptions(v.security));
    for (const group of v.portGroups) {
      const pg = ['--portgroup-name', group.name];
      const line = (...argv: string[]) => out.line(sh([...VSWITCH, 'portgroup', ...argv]), group.id);
      out.line(`# port group ${group.name}`, group.id);
      line('add', ...pg, ...name);
      line('set', ...pg, option(portGroupAttributes.vlan.keys.esxcli), String(group.vlan));
      const overrides = securityOptions(group.security);
      if (overrides.length > 0) line('policy', 'security', 'set', ...pg, ...overrides);
    }
  }
  return out;
}

export const esxcliTarget = esxiTarget('esxcli', 'ESXi vSwitches (esxcli)', ESXCLI_PATH, script);
