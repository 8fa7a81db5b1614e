/**
 * The target every switch vendor shares: plan the switch once, then let the
 * vendor's formatter write the full configuration and the snippet.
 */
import { planSwitch, type SwitchPlan } from '../../derive/switch-plan.js';
import type { SwitchVendor } from '../../model/schema.js';
import { VENDORS } from '../../vendors/index.js';
import type { GeneratedFile, Target } from '../target.js';
import type { ConfigText } from './config-text.js';

const STARTUP_CONFIG = 'startup-config.txt';
export const SNIPPET = 'snippet.txt';

export interface SwitchFormatter {
  readonly vendor: SwitchVendor;
  /** The full intended configuration, in the order the vendor's running-config lists it. */
  startupConfig(plan: SwitchPlan): ConfigText;
  /** Only what Netloom manages, ready to paste at the switch's CLI. */
  snippet(plan: SwitchPlan): ConfigText;
}

export function switchTarget(formatter: SwitchFormatter): Target {
  return {
    id: formatter.vendor,
    label: VENDORS[formatter.vendor].label,
    appliesTo: (design, deviceId) => design.switches.some((s) => s.id === deviceId && s.vendor === formatter.vendor),
    render(design, deviceId): GeneratedFile[] {
      const plan = planSwitch(design, deviceId);
      return [
        formatter.startupConfig(plan).toFile(formatter.vendor, STARTUP_CONFIG),
        formatter.snippet(plan).toFile(formatter.vendor, SNIPPET),
      ];
    },
  };
}
