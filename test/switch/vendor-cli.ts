/**
 * What the test switch prints, per vendor, as data: prompts, the pager, the
 * texts of errors and dialogs. Sources are named in README.md ("Test switch").
 */
import type { SwitchVendor } from '../../shared/model/schema.js';

/** Where a CLI session is; `interface` holds the name the prompt shows. */
export type CliMode =
  | { readonly kind: 'user' }
  | { readonly kind: 'privileged' }
  | { readonly kind: 'config' }
  | { readonly kind: 'interface'; readonly label: string }
  | { readonly kind: 'interface-range' }
  | { readonly kind: 'vlan'; readonly vlans: readonly number[] }
  | { readonly kind: 'archive' };

export interface VendorCli {
  readonly defaultHostname: string;
  /** `(config...)` part of the prompt for a configuration mode. */
  configPrompt(mode: Exclude<CliMode, { kind: 'user' | 'privileged' }>): string;
  /** The pager's prompt, printed after `length - 1` lines. */
  readonly more: string;
  /** Printed on entering global configuration mode. */
  readonly configBanner?: string;
  /** The command that enters configuration mode (IOS wants `terminal`). */
  readonly configureWords: readonly string[];
  /** Header of `show running-config`, given the text's size. */
  runningHeader(bytes: number): string[];
}

export const VENDOR_CLI: Record<SwitchVendor, VendorCli> = {
  'cisco-ios': {
    defaultHostname: 'Switch',
    configPrompt: (mode) =>
      ({
        config: '(config)',
        interface: '(config-if)',
        'interface-range': '(config-if-range)',
        vlan: '(config-vlan)',
        archive: '(config-archive)',
      })[mode.kind],
    more: ' --More-- ',
    configBanner: 'Enter configuration commands, one per line.  End with CNTL/Z.',
    configureWords: ['configure', 'terminal'],
    runningHeader: (bytes) => ['Building configuration...', '', `Current configuration : ${bytes} bytes`],
  },
  'dell-os6': {
    defaultHostname: 'console',
    configPrompt: (mode) =>
      ({
        config: '(config)',
        interface: `(config-if-${mode.kind === 'interface' ? mode.label : ''})`,
        'interface-range': '(config-if)',
        vlan: `(config-vlan${mode.kind === 'vlan' ? mode.vlans.join(',') : ''})`,
        archive: '(config)',
      })[mode.kind],
    more: '--More-- or (q)uit',
    configureWords: ['configure'],
    runningHeader: () => ['!Current Configuration:', '!System Description "Netloom test switch (Dell EMC Networking N4032 CLI)"', '!System Software Version 6.7.1.20', '!'],
  },
};

/** Error texts both vendors print; the IOS ones are quoted from Cisco's documentation, OS6 prints the same words. */
export const CLI_ERRORS = {
  invalid: "% Invalid input detected at '^' marker.",
  incomplete: '% Incomplete command.',
  ambiguous: (typed: string) => `% Ambiguous command:  "${typed}"`,
  badSecrets: '% Bad secrets',
  archiveOff: '%Turn config archive on before using Rollback Confirmed Change',
  noRollbackPending: '%No Rollback Confirmed Change pending',
  os6InvalidInterface: 'An invalid interface has been used for this function.',
  os6PortChannelMember: 'Interface is part of a port-channel.',
} as const;
