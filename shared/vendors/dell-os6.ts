/** Dell EMC OS6 (N-series): stack units count from 1, ports are unit/0/port; `mtu` counts the whole frame. */
import type { Vendor } from './vendor.js';

export const dellOs6: Vendor = {
  label: 'Dell EMC OS6',
  portTypes: [
    { long: 'Gigabitethernet', short: 'Gi' },
    { long: 'Tengigabitethernet', short: 'Te' },
    { long: 'Twentyfivegigabitethernet', short: 'Tw' },
    { long: 'Fortygigabitethernet', short: 'Fo' },
    { long: 'Hundredgigabitethernet', short: 'Hu' },
  ],
  portNumbers: /^[1-9]\d*\/0\/[1-9]\d*$/,
  portExample: 'Tengigabitethernet1/0/17 (or Te1/0/17, Gigabitethernet1/0/1, Fortygigabitethernet2/0/1)',
  newPortStem: 'Tengigabitethernet1/0/',
  mtuOverhead: 18,
  defaultMtu: 1518,
  mtuRange: [1298, 9216],
  reservedVlans: [],
  maxDescription: 64,
  maxVlanName: 32,
  vlanNameSpaces: true,
  lacpKeywords: { active: 'active', passive: 'passive', on: 'on' },
  blocksEndAtUnindented: false,
  defaultSwitchportMode: 'access',
  text: (value) => `"${value}"`,
};
