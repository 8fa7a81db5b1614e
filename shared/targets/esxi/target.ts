/** What the two ESXi targets share: they write for a host with vSwitches, one script each. */
import type { Host } from '../../model/schema.js';
import type { ConfigText } from '../switch-common/config-text.js';
import type { Target } from '../target.js';

export function esxiTarget(
  id: 'esxcli' | 'powercli',
  label: string,
  path: string,
  script: (host: Host) => ConfigText,
): Target {
  const hostOf = (design: { readonly hosts: readonly Host[] }, deviceId: string) =>
    design.hosts.find((h) => h.id === deviceId);
  return {
    id,
    label,
    hostKinds: ['vswitch', 'port-group'],
    appliesTo: (design, deviceId) => (hostOf(design, deviceId)?.vswitches.length ?? 0) > 0,
    render(design, deviceId) {
      const host = hostOf(design, deviceId);
      if (!host) throw new Error(`no host with id ${deviceId}`);
      return [script(host).toFile(id, path)];
    },
  };
}
