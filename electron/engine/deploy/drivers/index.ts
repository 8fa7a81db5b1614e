/**
 * The deploy drivers: host drivers by the id the platforms name in
 * `shared/platforms/`, switch drivers by vendor. A platform naming a driver
 * that is missing here, or a vendor without a driver, does not compile.
 */
import type { SwitchVendor } from '../../../../shared/model/schema.js';
import type { DeployDriverId } from '../../../../shared/platforms/index.js';
import type { DeployDriver } from '../driver.js';
import { ciscoIosDriver } from './cisco-ios-driver.js';
import { debianDriver } from './debian-driver.js';
import { dellOs6Driver } from './dell-os6-driver.js';

/** A driver id: a platform's driver or a switch vendor. */
export type DriverId = DeployDriverId | SwitchVendor;

export type DriverRegistry = Record<DriverId, DeployDriver>;

export const SWITCH_DRIVERS: Record<SwitchVendor, DeployDriver> = {
  'cisco-ios': ciscoIosDriver,
  'dell-os6': dellOs6Driver,
};

export const DRIVERS: DriverRegistry = {
  ifupdown2: debianDriver,
  ...SWITCH_DRIVERS,
};
