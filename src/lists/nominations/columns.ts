/** The columns of a nominations file, in the order the README documents them. */
export const NOMINATION_COLUMNS = [
  'id',
  'schema',
  'name',
  'aliases',
  'weak_aliases',
  'original_script_name',
  'birth_date',
  'birth_place',
  'nationality',
  'gender',
  'passport_numbers',
  'national_ids',
  'program',
  'listed_on',
  'reason',
  'remarks',
  'linked_to',
] as const;

export type NominationColumn = (typeof NOMINATION_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly NominationColumn[] = ['id', 'name'];

export function isNominationColumn(name: string): name is NominationColumn {
  return (NOMINATION_COLUMNS as readonly string[]).includes(name);
}
