/** Cisco Catalyst IOS / IOS-XE: slot/port or unit/slot/port; VLANs 1002-1005 are the switch's own. */
import type { Vendor } from './vendor.js';

export const ciscoIos: Vendor = {
  label: 'Cisco IOS',
  portTypes: [
    { long: 'FastEthernet', short: 'Fa' },
    { long: 'GigabitEthernet', short: 'Gi' },
    { long: 'TwoGigabitEthernet', short: 'Tw' },
    { long: 'FiveGigabitEthernet', short: 'Fi' },
    { long: 'TenGigabitEthernet', short: 'Te' },
    { long: 'TwentyFiveGigE', short: 'Twe' },
    { long: 'FortyGigabitEthernet', short: 'Fo' },
    { long: 'HundredGigE', short: 'Hu' },
  ],
  portNumbers: /^\d+(\/\d+){1,2}$/,
  portExample: 'GigabitEthernet1/0/1 (or Gi1/0/1, TenGigabitEthernet1/1/1)',
  newPortStem: 'GigabitEthernet1/0/',
  mtuOverhead: 0,
  defaultMtu: 1500,
  mtuRange: [1500, 9198],
  reservedVlans: [1002, 1003, 1004, 1005],
  maxDescription: 200,
  maxVlanName: 32,
  vlanNameSpaces: false,
  lacpKeywords: { active: 'active', passive: 'passive', on: 'on' },
  blocksEndAtUnindented: true,
  defaultSwitchportMode: undefined,
  text: (value) => value,
};
