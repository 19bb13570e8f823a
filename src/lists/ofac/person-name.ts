import type { NamePart } from '../../domain/index.js';

/** Honorifics OFAC writes in front of given names (`AL-BADRI, Dr. Ibrahim`). */
const TITLES = new Set([
  'dr', 'dr.', 'prof.', 'haji', 'hajji', 'haj', 'sheikh', 'shaykh', 'mullah', 'mullah.', 'maulawi', 'maulavi',
  'mawlawi', 'maulana', 'mufti', 'qari',
]);
const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;

/**
 * Splits an OFAC individual's name, written `FAMILY, Given Names[, Suffix]`, into parts in
 * source order. Returns undefined when the name does not have that shape.
 */
export function splitPersonName(full: string): NamePart[] | undefined {
  const pieces = full.split(',').map((piece) => piece.trim());
  const [family, givenText, suffix, ...extra] = pieces;
  if (family === undefined || family === '' || givenText === undefined || givenText === '' || extra.length > 0) {
    return undefined;
  }
  if (suffix !== undefined && !SUFFIX.test(suffix)) return undefined;
  const parts: NamePart[] = [{ role: 'family', value: family }];
  const tokens = givenText.split(/\s+/);
  while (tokens.length > 1 && TITLES.has((tokens[0] ?? '').toLowerCase())) {
    parts.push({ role: 'title', value: tokens.shift() ?? '' });
  }
  parts.push({ role: 'given', value: tokens.join(' ') });
  if (suffix !== undefined) parts.push({ role: 'suffix', value: suffix });
  return parts;
}
