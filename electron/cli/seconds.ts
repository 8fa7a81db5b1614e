import { InvalidArgumentError } from 'commander';

/** A commander parser for a duration option in seconds, from `min` to `max` (whole seconds only when `whole`). */
export function seconds(
  min: number,
  max: number,
  options: { readonly whole?: boolean } = {},
): (value: string) => number {
  const what = options.whole ? 'a whole number of seconds' : 'seconds';
  return (value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || (options.whole && !Number.isInteger(n)) || n < min || n > max) {
      throw new InvalidArgumentError(`must be ${what} from ${min} to ${max}`);
    }
    return n;
  };
}
