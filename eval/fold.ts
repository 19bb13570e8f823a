/**
 * Folding as OFAC's own search tool describes it: lower case, diacritics stripped, punctuation
 * removed, spaces collapsed. Non-Latin letters stay as they are. Used by the baseline and to
 * decide whether a generated negative is in fact a listed name; deliberately not Vigil's own
 * analysis, so the yardstick does not share the engine's assumptions.
 */
export function foldName(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ıİ]/g, 'i')
    .replace(/ß/g, 'ss')
    .replace(/['\u2018\u2019`\u02bc\u02bb\u02b9\u02ba]/g, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Folded, with the words sorted: catches a listed name given in another order. */
export function foldNameSorted(raw: string): string {
  return foldName(raw).split(' ').sort().join(' ');
}
