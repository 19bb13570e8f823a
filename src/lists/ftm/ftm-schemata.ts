import type { EntitySchema, RelationType } from '../../domain/index.js';

/** FtM schemata that become Vigil entities of their own. */
export const TOP_LEVEL_SCHEMATA: Readonly<Record<string, EntitySchema>> = {
  Person: 'Person',
  Organization: 'Organization',
  Company: 'Organization',
  LegalEntity: 'Organization',
  PublicBody: 'Organization',
  Vessel: 'Vessel',
  Airplane: 'Aircraft',
};

/**
 * One side of an FtM relation entity: which property holds the entity that gets the relation,
 * which holds the other end, and how the relation reads from the first one's side.
 */
export interface RelationSide {
  from: string;
  to: string;
  type: RelationType;
  /** Prefix of the note; the relation's role or relationship follows it. */
  label: string;
}

/**
 * Relation schemata are folded into both ends, so that either entity shows its links. The
 * domain has no inverse types (owns, has member), so those sides are `other` with a note.
 */
export const RELATION_SCHEMATA: Readonly<Record<string, readonly RelationSide[]>> = {
  UnknownLink: [
    { from: 'subject', to: 'object', type: 'linked_to', label: 'linked to' },
    { from: 'object', to: 'subject', type: 'linked_to', label: 'linked to' },
  ],
  Associate: [
    { from: 'person', to: 'associate', type: 'associate', label: 'associate' },
    { from: 'associate', to: 'person', type: 'associate', label: 'associate' },
  ],
  Family: [
    // `relationship` reads from `person`'s side: the relative is the person's "mother".
    { from: 'person', to: 'relative', type: 'family', label: 'relative' },
    { from: 'relative', to: 'person', type: 'family', label: 'relative of' },
  ],
  Membership: [
    { from: 'member', to: 'organization', type: 'member_of', label: 'member of' },
    { from: 'organization', to: 'member', type: 'other', label: 'has member' },
  ],
  Ownership: [
    { from: 'asset', to: 'owner', type: 'owned_by', label: 'owned by' },
    { from: 'owner', to: 'asset', type: 'other', label: 'owns' },
  ],
  Directorship: [
    { from: 'director', to: 'organization', type: 'linked_to', label: 'director of' },
    { from: 'organization', to: 'director', type: 'linked_to', label: 'director' },
  ],
  Employment: [
    { from: 'employee', to: 'employer', type: 'linked_to', label: 'employee of' },
    { from: 'employer', to: 'employee', type: 'linked_to', label: 'employer of' },
  ],
};

/** Schemata folded into the entities they point at (or, for Address, that point at them). */
export const FOLDED_SCHEMATA: ReadonlySet<string> = new Set([
  'Sanction',
  'Identification',
  'Passport',
  'Address',
  ...Object.keys(RELATION_SCHEMATA),
]);

/**
 * The rest of the FtM model: valid in an export, but nothing a screening list carries (documents,
 * payments, positions, ...). Lines of these schemata are skipped and counted; a schema outside
 * the model is reported as invalid.
 */
export const SKIPPED_SCHEMATA: ReadonlySet<string> = new Set([
  'Analyzable', 'Article', 'Asset', 'Assessment', 'Audio', 'BankAccount', 'Call', 'CallForTenders',
  'Contract', 'ContractAward', 'CourtCase', 'CourtCaseParty', 'CryptoWallet', 'Debt', 'Document',
  'Documentation', 'EconomicActivity', 'Email', 'Event', 'Folder', 'HyperText', 'Image', 'Interest',
  'Interval', 'License', 'Mention', 'Message', 'Note', 'Occupancy', 'Package', 'Page', 'Pages',
  'Payment', 'PlainText', 'Position', 'Project', 'ProjectParticipant', 'RealEstate', 'Representation',
  'Risk', 'Security', 'Similar', 'Succession', 'Table', 'TaxRoll', 'Territory', 'Thing', 'Trip',
  'UserAccount', 'Value', 'Vehicle', 'Video', 'Workbook',
]);

export type SchemaClass = 'top-level' | 'folded' | 'skipped' | 'unknown';

export function classifySchema(schema: string): SchemaClass {
  if (Object.hasOwn(TOP_LEVEL_SCHEMATA, schema)) return 'top-level';
  if (FOLDED_SCHEMATA.has(schema)) return 'folded';
  if (SKIPPED_SCHEMATA.has(schema)) return 'skipped';
  return 'unknown';
}
