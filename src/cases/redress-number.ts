import { randomInt } from 'node:crypto';
import { z } from 'zod';

/** Luhn check digit of a string of digits, so a mistyped number is refused, not looked up. */
function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

function format(digits: string): string {
  return `RN-${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8, 12)}`;
}

/** A new redress number, `RN-dddd-dddd-dddd`: eleven random digits and a Luhn check digit. */
export function newRedressNumber(): string {
  let digits = '';
  for (let i = 0; i < 11; i += 1) digits += String(randomInt(10));
  return format(digits + String(luhnDigit(digits)));
}

/** The canonical spelling of a redress number, or undefined when it is not one (wrong shape or check digit). */
export function normaliseRedressNumber(value: string): string | undefined {
  const compact = value.toUpperCase().replace(/[\s-]/g, '');
  const match = /^RN(\d{12})$/.exec(compact);
  const digits = match?.[1];
  if (digits === undefined) return undefined;
  if (luhnDigit(digits.slice(0, 11)) !== Number(digits[11])) return undefined;
  return format(digits);
}

/** A redress number as a traveller writes it (case, spaces and dashes are free), read to its canonical form. */
export const RedressNumber = z
  .string()
  .min(14)
  .max(24)
  .transform((value, context) => {
    const number = normaliseRedressNumber(value);
    if (number === undefined) {
      context.addIssue({ code: 'custom', message: 'a redress number is RN-dddd-dddd-dddd with a valid check digit' });
      return z.NEVER;
    }
    return number;
  })
  .describe('A redress number issued to this traveller after a confirmed false positive (RN-dddd-dddd-dddd).');
