/**
 * The tolerances the screener's candidate step applies, restated for reverse look-ups. They
 * mirror src/matching (`maxEdits`, `joinable`, `normaliseDocumentNumber`), which keeps them
 * private; the property test in test/vetting compares vetting with a full re-screen, so a drift
 * between the two shows up there as a missed alert.
 */

/** Edits the screener tolerates between two name parts, by the longer one's length. */
export function maxTypoEdits(maxLength: number): number {
  return maxLength >= 8 ? 2 : maxLength >= 4 ? 1 : 0;
}

const VOWELS = /[aeiouy]/;

/**
 * Whether two parts with the same consonant skeleton are alike to the screener: always when
 * one was romanised from Arabic or Hebrew script (it has no short vowels to compare), else only
 * from three consonants and when their lengths are close or one has no vowels at all
 * ("zhonghai" / "zhang" share a skeleton but are different names).
 */
export function skeletonRelated(a: string, aAbjad: boolean, b: string, bAbjad: boolean, skeletonLength: number): boolean {
  if (skeletonLength < 2) return false;
  if (aAbjad || bAbjad) return true;
  if (skeletonLength < 3) return false;
  return Math.min(a.length, b.length) / Math.max(a.length, b.length) >= 0.7 || !VOWELS.test(a) || !VOWELS.test(b);
}

/** The longest part the screener joins to its neighbour ("al" + "baghdadi"). */
export const MAX_JOINED_PART = 5;

/** Whether the screener compares two adjacent parts written together. */
export function joinable(a: string, b: string): boolean {
  return a.length <= MAX_JOINED_PART || b.length <= MAX_JOINED_PART;
}

/** Document numbers compare upper case, letters and digits only, leading zeros dropped. */
export function normaliseDocumentNumber(number: string): string {
  return number.toUpperCase().replace(/[^A-Z0-9]/g, '').replace(/^0+/, '');
}

/** The screener only matches document numbers of at least this many characters. */
export const MIN_DOCUMENT_LENGTH = 4;

// Scratch rows for `osaDistance`, grown on demand: the function is synchronous and hot.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Optimal-string-alignment distance (a transposition of neighbours is one edit), or `max + 1`
 * as soon as it must exceed `max`.
 */
export function osaDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0 || lb === 0) return Math.max(la, lb);
  if (rowA.length <= lb) {
    rowA = new Int32Array(lb + 1);
    rowB = new Int32Array(lb + 1);
    rowC = new Int32Array(lb + 1);
  }
  let before = rowA;
  let previous = rowB;
  let current = rowC;
  for (let j = 0; j <= lb; j++) previous[j] = j;
  for (let i = 1; i <= la; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, (before[j - 2] as number) + 1);
      current[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return previous[lb] as number;
}

/** Whether two spellings are within `max` edits. */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (a === b) return true;
  if (max <= 0) return false;
  return osaDistance(a, b, max) <= max;
}

/** Whether the screener's typo rule relates two parts (within the edits their length allows). */
export function typoRelated(a: string, b: string): boolean {
  return withinEdits(a, b, maxTypoEdits(Math.max(a.length, b.length)));
}
