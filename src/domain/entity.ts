import { z } from 'zod';

/**
 * The shared vocabulary of a listed entity. Every list adapter produces these, the store keeps
 * them per version, the matching index reads them. Shaped after OpenSanctions' FollowTheMoney
 * model, flattened to what screening and analysis need.
 */

export const SOURCE_IDS = ['ofac-sdn', 'ofac-cons', 'un-sc', 'ftm', 'nominations'] as const;
/** A source id names one published list; custom FtM datasets may use their own id. */
export const SourceId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a source id is lower-case letters, digits and dashes');
export type SourceId = z.infer<typeof SourceId>;

export const EntitySchema = z.enum(['Person', 'Organization', 'Vessel', 'Aircraft']);
export type EntitySchema = z.infer<typeof EntitySchema>;

export const NameKind = z.enum(['primary', 'alias', 'weak_alias', 'former', 'original_script']);
export type NameKind = z.infer<typeof NameKind>;

export const NamePartRole = z.enum([
  'given',
  'middle',
  'family',
  'patronymic',
  'matronymic',
  'title',
  'suffix',
  /** A positional part whose role the source does not say (UN FIRST_NAME..FOURTH_NAME). */
  'part',
]);
export type NamePartRole = z.infer<typeof NamePartRole>;

export const NamePart = z.object({ role: NamePartRole, value: z.string().min(1) });
export type NamePart = z.infer<typeof NamePart>;

export const EntityName = z.object({
  full: z.string().min(1),
  kind: NameKind,
  /** Parts as the source gives them, in source order. */
  parts: z.array(NamePart).optional(),
  /** ISO 15924 script code when known or detected (Latn, Arab, Cyrl, Hans, ...). */
  script: z.string().optional(),
  /** BCP 47 language tag when the source gives one. */
  lang: z.string().optional(),
  /** What the source says about this name (an nka's date, an alias's own remarks). */
  note: z.string().optional(),
});
export type EntityName = z.infer<typeof EntityName>;

const PartialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD');

/**
 * A birth date as lists give them: exact (to the day, month or year: the precision is the
 * length of `date`), approximate ("circa 1970"), or a range ("1965 to 1969").
 */
export const BirthDate = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('exact'), date: PartialDate, raw: z.string().optional() }),
  z.object({ kind: z.literal('approximate'), date: PartialDate, raw: z.string().optional() }),
  z.object({
    kind: z.literal('range'),
    from: PartialDate,
    to: PartialDate,
    raw: z.string().optional(),
  }),
]);
export type BirthDate = z.infer<typeof BirthDate>;

/** ISO 3166-1 alpha-2, upper case. Historical codes (SU, YU, CS) are kept as the list has them. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'a country is ISO 3166-1 alpha-2');
export type CountryCode = z.infer<typeof CountryCode>;

export const DocumentType = z.enum([
  'passport',
  'national_id',
  'tax_id',
  'registration',
  'driving_licence',
  'other',
]);
export type DocumentType = z.infer<typeof DocumentType>;

export const IdentityDocument = z.object({
  type: DocumentType,
  number: z.string().min(1),
  country: CountryCode.optional(),
  /** What the list says beyond the number: issue date, "expires", the original label. */
  note: z.string().optional(),
});
export type IdentityDocument = z.infer<typeof IdentityDocument>;

export const Address = z.object({
  full: z.string().optional(),
  street: z.string().optional(),
  city: z.string().optional(),
  region: z.string().optional(),
  postalCode: z.string().optional(),
  country: CountryCode.optional(),
  note: z.string().optional(),
});
export type Address = z.infer<typeof Address>;

export const Listing = z.object({
  /** Who designates: OFAC, UN Security Council, an agency. */
  authority: z.string().min(1),
  program: z.string().min(1),
  listedOn: PartialDate.optional(),
  reference: z.string().optional(),
});
export type Listing = z.infer<typeof Listing>;

export const RelationType = z.enum([
  'linked_to',
  'member_of',
  'associate',
  'owned_by',
  'family',
  'other',
]);
export type RelationType = z.infer<typeof RelationType>;

export const Relation = z
  .object({
    type: RelationType,
    /** `<source>:<sourceId>` when the target resolves within the source. */
    targetId: z.string().optional(),
    /** The target as the list names it, kept even when resolved. */
    targetName: z.string().optional(),
    note: z.string().optional(),
  })
  .refine((r) => r.targetId !== undefined || r.targetName !== undefined, {
    message: 'a relation needs a targetId or a targetName',
  });
export type Relation = z.infer<typeof Relation>;

export const Gender = z.enum(['male', 'female', 'other']);
export type Gender = z.infer<typeof Gender>;

export const Entity = z.object({
  /** `<source>:<sourceId>`, e.g. `ofac-sdn:12926`, `un-sc:QDi.001`. */
  id: z.string().regex(/^[a-z0-9-]+:.+$/, 'an entity id is <source>:<sourceId>'),
  source: SourceId,
  sourceId: z.string().min(1),
  schema: EntitySchema,
  /** The display name: the primary name as the list writes it. */
  caption: z.string().min(1),
  names: z.array(EntityName).min(1),
  birthDates: z.array(BirthDate).default([]),
  birthPlaces: z.array(z.string()).default([]),
  nationalities: z.array(CountryCode).default([]),
  citizenships: z.array(CountryCode).default([]),
  gender: Gender.optional(),
  documents: z.array(IdentityDocument).default([]),
  addresses: z.array(Address).default([]),
  listings: z.array(Listing).default([]),
  relations: z.array(Relation).default([]),
  /** Source text kept verbatim, including clauses no parser understood. */
  remarks: z.array(z.string()).default([]),
  /** Other source fields (title, call sign, vessel flag, tonnage, ...), as name -> values. */
  properties: z.record(z.string(), z.array(z.string())).default({}),
});
export type Entity = z.infer<typeof Entity>;
/** The shape adapters build; defaults are filled by `Entity.parse`. */
export type EntityInput = z.input<typeof Entity>;

export function entityId(source: string, sourceId: string): string {
  return `${source}:${sourceId}`;
}
