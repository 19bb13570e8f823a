/** ISO 15924 codes of the scripts names on sanctions lists are written in. */
const SCRIPTS: ReadonlyArray<readonly [code: string, letters: RegExp]> = [
  ['Latn', /\p{Script=Latin}/gu],
  ['Arab', /\p{Script=Arabic}/gu],
  ['Cyrl', /\p{Script=Cyrillic}/gu],
  ['Hani', /\p{Script=Han}/gu],
  ['Hang', /\p{Script=Hangul}/gu],
  ['Hebr', /\p{Script=Hebrew}/gu],
  ['Grek', /\p{Script=Greek}/gu],
  ['Geor', /\p{Script=Georgian}/gu],
  ['Armn', /\p{Script=Armenian}/gu],
  ['Deva', /\p{Script=Devanagari}/gu],
  ['Thai', /\p{Script=Thai}/gu],
  ['Ethi', /\p{Script=Ethiopic}/gu],
  ['Hira', /\p{Script=Hiragana}/gu],
  ['Kana', /\p{Script=Katakana}/gu],
  ['Mymr', /\p{Script=Myanmar}/gu],
  ['Khmr', /\p{Script=Khmer}/gu],
];

// Most names are plain Latin; answering them without counting keeps the adapter fast.
const ONLY_LATIN = /^[\p{Script=Latin}\P{L}]*$/u;
const ANY_LETTER = /\p{L}/u;

/**
 * The script most of the letters of `text` are written in, as an ISO 15924 code; undefined when
 * the text has no letters or only letters of scripts not listed here.
 */
export function detectScript(text: string): string | undefined {
  if (!ANY_LETTER.test(text)) return undefined;
  if (ONLY_LATIN.test(text)) return 'Latn';
  let best: string | undefined;
  let bestCount = 0;
  for (const [code, letters] of SCRIPTS) {
    const count = text.match(letters)?.length ?? 0;
    if (count > bestCount) {
      best = code;
      bestCount = count;
    }
  }
  return best;
}
