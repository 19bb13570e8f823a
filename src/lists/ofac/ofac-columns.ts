/** Column names as OFAC's legacy CSV specification gives them; issues name fields with these. */
export const SDN_COLUMNS = [
  'ent_num',
  'SDN_Name',
  'SDN_Type',
  'Program',
  'Title',
  'Call_Sign',
  'Vess_type',
  'Tonnage',
  'GRT',
  'Vess_flag',
  'Vess_owner',
  'Remarks',
] as const;

export const ALT_COLUMNS = ['ent_num', 'alt_num', 'alt_type', 'alt_name', 'alt_remarks'] as const;

export const ADD_COLUMNS = ['ent_num', 'add_num', 'address', 'city/state/postal', 'country', 'add_remarks'] as const;

export type SdnRow = Record<(typeof SDN_COLUMNS)[number], string>;
export type AltRow = Record<(typeof ALT_COLUMNS)[number], string>;
export type AddRow = Record<(typeof ADD_COLUMNS)[number], string>;

/** OFAC writes an empty value as `-0-`, usually with a trailing space. */
export function ofacValue(raw: string): string {
  const value = raw.trim();
  return value === '-0-' ? '' : value;
}
