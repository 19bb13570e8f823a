import { z } from 'zod';
import type { BirthDate, EntitySchema, Gender, IdentityDocument } from '../../domain/index.js';
import {
  FieldError,
  parseBirthDate,
  parseCountry,
  parseDocument,
  parseGender,
  parsePartialDate,
  parseSchema,
} from './field-parsers.js';

/** A cell as CSV gives it (text) or JSONL (text, a list of texts, or null). */
const cell = z
  .union([z.string(), z.number().transform(String), z.array(z.union([z.string(), z.number().transform(String)])), z.null()])
  .optional();

function values(input: string | string[] | null | undefined, split: boolean): string[] {
  if (input === null || input === undefined) return [];
  const list = Array.isArray(input) ? input : split ? input.split('|') : [input];
  return list.map((value) => value.trim()).filter((value) => value !== '');
}

/** One value, read with `parse`; a FieldError becomes an issue on this field. */
function single<T>(parse: (value: string) => T) {
  return cell.transform((input, ctx): T | undefined => {
    const list = values(input, false);
    if (list.length > 1) {
      ctx.addIssue({ code: 'custom', message: 'expects one value' });
      return z.NEVER;
    }
    const [value] = list;
    if (value === undefined) return undefined;
    try {
      return parse(value);
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
      return z.NEVER;
    }
  });
}

/** Pipe-separated values (or a JSON array), each read with `parse`. */
function many<T>(parse: (value: string) => T) {
  return cell.transform((input, ctx): T[] => {
    const out: T[] = [];
    for (const value of values(input, true)) {
      try {
        out.push(parse(value));
      } catch (error) {
        if (!(error instanceof FieldError)) throw error;
        ctx.addIssue({ code: 'custom', message: error.message });
        return z.NEVER;
      }
    }
    return out;
  });
}

const text = (value: string): string => value;
const required = (label: string) =>
  single(text).refine((value): value is string => value !== undefined, { message: `${label} is required` });

/**
 * One nomination, validated. Unknown keys are refused (a JSONL key with a typo must not silently
 * drop data); CSV headers are checked before any row is read.
 */
export const NominationRow = z.strictObject({
  id: required('id'),
  schema: single(parseSchema).transform((schema): EntitySchema => schema ?? 'Person'),
  name: required('name'),
  aliases: many(text),
  weak_aliases: many(text),
  original_script_name: many(text),
  birth_date: many<BirthDate>(parseBirthDate),
  birth_place: many(text),
  nationality: many(parseCountry),
  gender: single<Gender>(parseGender),
  passport_numbers: many<IdentityDocument>((value) => parseDocument(value, 'passport')),
  national_ids: many<IdentityDocument>((value) => parseDocument(value, 'national_id')),
  program: many(text),
  listed_on: single(parsePartialDate),
  reason: single(text),
  remarks: single(text),
  linked_to: many(text),
});
export type NominationRow = z.output<typeof NominationRow>;
export type NominationInput = z.input<typeof NominationRow>;
