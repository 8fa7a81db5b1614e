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
  /** The answer to `interface` naming a port the switch does not have; undefined: the caret under its number. */
  readonly missingInterface?: string;
  /** The answer to a `switchport` command on a port-channel member, when the vendor refuses it. */
  readonly memberRefusesSwitchport?: string;
  /** What `channel-group N` prints when it creates the port-channel. */
  createsPortChannel?(number: number): string;
  /** `copy running-config startup-config` asks for the file name first. */
  readonly copyAsksFilename: boolean;
  /** Ports of the switch by default (the model's long names): two stacked units of 24 ten-gigabit ports. */
  readonly defaultPorts: readonly string[];
}

const stackOfTenGig = (type: string) =>
  [1, 2].flatMap((unit) => Array.from({ length: 24 }, (_, i) => `${type}${unit}/0/${i + 1}`));

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
    createsPortChannel: (number) => `Creating a port-channel interface Port-channel ${number}`,
    copyAsksFilename: true,
    defaultPorts: stackOfTenGig('TenGigabitEthernet'),
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
    runningHeader: () => [
      '!Current Configuration:',
      '!System Description "Netloom test switch (Dell EMC Networking N4032 CLI)"',
      '!System Software Version 6.7.1.20',
      '!',
    ],
    missingInterface: 'An invalid interface has been used for this function.',
    memberRefusesSwitchport: 'Interface is part of a port-channel.',
    copyAsksFilename: false,
    defaultPorts: stackOfTenGig('Tengigabitethernet'),
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
  archiveNotEnabled: 'Archive feature not enabled',
} as const;
