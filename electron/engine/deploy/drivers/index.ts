/**
 * The deploy drivers, by the id the platforms (and later the switch
 * vendors) name in `shared/platforms/`. A platform naming a driver that is
 * missing here does not compile.
 */
import type { DeployDriverId } from '../../../../shared/platforms/index.js';
import type { DeployDriver } from '../driver.js';
import { debianDriver } from './debian-driver.js';

export type DriverRegistry = Record<DeployDriverId, DeployDriver>;

export const DRIVERS: DriverRegistry = {
  ifupdown2: debianDriver,
};
