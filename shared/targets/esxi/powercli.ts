/**
 * The same settings as `esxcli.sh`, as a PowerCLI script (`powercli.ps1`)
 * for people who manage ESXi from PowerShell: New-VirtualSwitch with its
 * uplinks and MTU, Set-NicTeamingPolicy, Set-SecurityPolicy, and per port
 * group New-VirtualPortGroup with its VLAN id and security overrides.
 * Parameter names come from the kind tables; values are single-quoted.
 */
import {
  portGroupAttributes,
  SECURITY_FIELDS,
  vswitchAttributes,
  type LoadBalancing,
  type SecurityVerdict,
} from '../../model/kinds/index.js';
import type { Host } from '../../model/schema.js';
import { ConfigText } from '../switch-common/config-text.js';
import { esxiSettings, type SecurityPolicy } from './settings.js';
import { esxiTarget } from './target.js';

export const POWERCLI_PATH = 'powercli.ps1';

/** A PowerShell single-quoted string; PowerShell also ends one at typographic quotes, so those are doubled too. */
export function psQuote(value: string): string {
  if (/[\0\r\n]/.test(value)) throw new Error(`refusing to write ${JSON.stringify(value)} into a PowerShell script`);
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, '$&$&')}'`;
}

const param = (key: string) => `-${key}`;
const BOOLEAN: Record<SecurityVerdict, string> = { reject: '$false', accept: '$true' };
const LOAD_BALANCING_POLICY: Record<LoadBalancing, string> = {
  portid: 'LoadBalanceSrcId',
  mac: 'LoadBalanceSrcMac',
  iphash: 'LoadBalanceIP',
  explicit: 'ExplicitFailover',
};

function securityParams(policy: Partial<SecurityPolicy>): string[] {
  return SECURITY_FIELDS.flatMap((field) => {
    const verdict = policy[field];
    return verdict === undefined ? [] : [`${param(vswitchAttributes[field].keys.powercli)} ${BOOLEAN[verdict]}`];
  });
}

const list = (names: readonly string[]) => names.map(psQuote).join(',');

function script(host: Host): ConfigText {
  const out = new ConfigText()
    .line(`# Standard vSwitches and port groups of ESXi host ${host.name}, written by Netloom.`, host.id)
    .line('# For a host where they do not exist yet. Review, then run in PowerShell with VMware PowerCLI', host.id)
    .line('# after Connect-VIServer to the host or its vCenter.', host.id)
    .line("$ErrorActionPreference = 'Stop'", host.id)
    .line(`$vmhost = Get-VMHost -Name ${psQuote(host.ssh?.address ?? host.name)}`, host.id);
  for (const v of esxiSettings(host)) {
    const all = [...v.uplinks.active, ...v.uplinks.standby, ...v.uplinks.unused];
    out.line('');
    out.line(`# vSwitch ${v.name}`, v.id);
    out.line(
      [
        `$vswitch = New-VirtualSwitch -VMHost $vmhost -Name ${psQuote(v.name)}`,
        ...(all.length > 0 ? [`-Nic ${list(all)}`] : []),
        `${param(vswitchAttributes.mtu.keys.powercli)} ${v.mtu}`,
      ].join(' '),
      v.id,
    );
    out.line(
      [
        '$vswitch | Get-NicTeamingPolicy | Set-NicTeamingPolicy',
        ...(v.uplinks.active.length > 0 ? [`-MakeNicActive ${list(v.uplinks.active)}`] : []),
        ...(v.uplinks.standby.length > 0 ? [`-MakeNicStandby ${list(v.uplinks.standby)}`] : []),
        ...(v.uplinks.unused.length > 0 ? [`-MakeNicUnused ${list(v.uplinks.unused)}`] : []),
        `${param(vswitchAttributes.loadBalancing.keys.powercli)} ${LOAD_BALANCING_POLICY[v.loadBalancing]}`,
      ].join(' '),
      v.id,
    );
    out.line(['$vswitch | Get-SecurityPolicy | Set-SecurityPolicy', ...securityParams(v.security)].join(' '), v.id);
    for (const group of v.portGroups) {
      out.line(`# port group ${group.name}`, group.id);
      const created = `New-VirtualPortGroup -VirtualSwitch $vswitch -Name ${psQuote(group.name)} ${param(portGroupAttributes.vlan.keys.powercli)} ${group.vlan}`;
      const overrides = securityParams(group.security);
      out.line(
        overrides.length > 0
          ? `${created} | Get-SecurityPolicy | Set-SecurityPolicy ${overrides.join(' ')}`
          : `${created} | Out-Null`,
        group.id,
      );
    }
  }
  return out;
}

export const powercliTarget = esxiTarget('powercli', 'ESXi vSwitches (PowerCLI)', POWERCLI_PATH, script);
