/** ISO 15924 codes for the scripts names on watchlists are written in. */
const SCRIPTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\p{Script=Latin}/u, 'Latn'],
  [/\p{Script=Cyrillic}/u, 'Cyrl'],
  [/\p{Script=Arabic}/u, 'Arab'],
  [/\p{Script=Han}/u, 'Hani'],
  [/\p{Script=Hangul}/u, 'Hang'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'Jpan'],
  [/\p{Script=Hebrew}/u, 'Hebr'],
  [/\p{Script=Greek}/u, 'Grek'],
  [/\p{Script=Georgian}/u, 'Geor'],
  [/\p{Script=Armenian}/u, 'Armn'],
  [/\p{Script=Thai}/u, 'Thai'],
  [/\p{Script=Devanagari}/u, 'Deva'],
  [/\p{Script=Bengali}/u, 'Beng'],
  [/\p{Script=Tamil}/u, 'Taml'],
  [/\p{Script=Ethiopic}/u, 'Ethi'],
  [/\p{Script=Khmer}/u, 'Khmr'],
  [/\p{Script=Myanmar}/u, 'Mymr'],
  [/\p{Script=Lao}/u, 'Laoo'],
  [/\p{Script=Thaana}/u, 'Thaa'],
  [/\p{Script=Syriac}/u, 'Syrc'],
  [/\p{Script=Mongolian}/u, 'Mong'],
  [/\p{Script=Tibetan}/u, 'Tibt'],
];

const LETTER = /\p{L}/u;
const ASCII_LETTER = /[A-Za-z]/;

function scriptOf(char: string): string | undefined {
  if (ASCII_LETTER.test(char)) return 'Latn';
  if (!LETTER.test(char)) return undefined;
  for (const [pattern, code] of SCRIPTS) if (pattern.test(char)) return code;
  return 'Zyyy';
}

/**
 * The script most letters of a text are written in; undefined when it has no letters. Japanese
 * names mix kanji and kana, so kana anywhere makes the text `Jpan`.
 */
export function detectScript(text: string): string | undefined {
  const counts = new Map<string, number>();
  for (const char of text) {
    const script = scriptOf(char);
    if (script !== undefined) counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  if (counts.has('Jpan')) return 'Jpan';
  let best: string | undefined;
  let bestCount = 0;
  for (const [script, count] of counts) {
    if (count > bestCount) {
      best = script;
      bestCount = count;
    }
  }
  return best;
}

/** True when a name is written in a script other than Latin: an original-script form. */
export function isNonLatin(script: string | undefined): boolean {
  return script !== undefined && script !== 'Latn' && script !== 'Zyyy';
}
