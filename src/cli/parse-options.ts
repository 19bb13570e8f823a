import { VigilError } from '../domain/index.js';

/** Reads a positive whole number option, naming the option when it is not one. */
export function parseVersionOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new VigilError('INVALID_INPUT', `${name} must be a whole number from 1, not "${value}"`, { field: name });
  }
  return Number(value);
}
