import { VigilError } from '../domain/index.js';

/** Reads a positive whole number option, naming the option when it is not one. */
export function parseVersionOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new VigilError('INVALID_INPUT', `${name} must be a whole number from 1, not "${value}"`, { field: name });
  }
  return Number(value);
}

/** Reads a score threshold in (0, 1]. */
export function parseThreshold(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!(Number.isFinite(number) && number > 0 && number <= 1)) {
    throw new VigilError('INVALID_INPUT', `${name} must be a number in (0, 1], not "${value}"`, { field: name });
  }
  return number;
}
