/**
 * Cyrillic to Latin, close to BGN/PCGN and the ICAO passport table, for Russian, Ukrainian,
 * Belarusian, Kazakh, Kyrgyz, Tajik, Uzbek, Serbian, Macedonian and Bulgarian. One output per
 * word; other systems (ISO 9, French `ou`/`ch`, German `sch`/`j`) meet it on the skeleton.
 */

export type CyrillicVariant = 'ru' | 'uk' | 'be' | 'sr' | 'bg' | 'uz' | 'other';

const BASE: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Ukrainian, Belarusian
  є: 'ye', і: 'i', ї: 'yi', ґ: 'g', ў: 'u',
  // Kazakh, Kyrgyz, Tajik, Uzbek, Bashkir, Tatar, Mongolian
  ә: 'a', ғ: 'gh', қ: 'q', ң: 'ng', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', ҷ: 'j', ӯ: 'u', ҳ: 'h',
  ӣ: 'i', ҙ: 'z', ҫ: 's', ӑ: 'a', ӗ: 'e', ӝ: 'j', ӟ: 'dz', ӧ: 'o', ӱ: 'u', ҝ: 'g',
  ҹ: 'j', ҡ: 'q', ӈ: 'ng', ӄ: 'q', ӊ: 'ng',
  // Serbian, Macedonian
  ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ѓ: 'gj', ќ: 'kj', ѕ: 'dz',
  // historical
  ѣ: 'e', ї: 'yi', ѳ: 'f', ѵ: 'i',
};

const VARIANT: Readonly<Record<CyrillicVariant, Readonly<Record<string, string>>>> = {
  ru: {},
  other: {},
  uk: { г: 'h', и: 'y', е: 'e' },
  be: { г: 'h' },
  sr: { х: 'h', ц: 'c', ч: 'c', ш: 's', ж: 'z' },
  bg: { щ: 'sht', ъ: 'a' },
  uz: { ў: 'o' },
};

/**
 * Decides the language variant from letters only some alphabets have, or from a BCP 47 hint.
 * Look-alike Latin letters must not be folded in yet (a Latin `i` is not Ukrainian `і`).
 */
export function cyrillicVariant(text: string, lang?: string): CyrillicVariant {
  const l = lang?.toLowerCase().slice(0, 2);
  if (l === 'uk' || l === 'be' || l === 'sr' || l === 'bg' || l === 'uz' || l === 'ru') return l;
  if (l === 'mk') return 'sr';
  if (/[ђјљњћџѓќѕ]/iu.test(text)) return 'sr';
  if (/[ўЎ]/u.test(text)) return /[іІ]/u.test(text) ? 'be' : 'uz';
  if (/[ґєїҐЄЇ]/u.test(text)) return 'uk';
  if (/[іІ]/u.test(text) && !/[ыэёъәөұүңқғһЫЭЁЪӘӨҰҮҢҚҒҺ]/u.test(text)) return 'uk';
  return 'ru';
}

const CYRILLIC_VOWELS = new Set(['а', 'е', 'ё', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я', 'і', 'ї', 'є']);

/** Transliterates one lower-case Cyrillic word. Letters it does not know pass through. */
export function transliterateCyrillic(word: string, variant: CyrillicVariant): string {
  const own = VARIANT[variant];
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word[i] ?? '';
    const mapped = own[ch] ?? BASE[ch];
    if (mapped === undefined) {
      out += ch;
      continue;
    }
    // Ukrainian є/ї and Russian е after a vowel or at the start keep their glide in BGN;
    // passports drop it. The skeleton ignores glides, so the shorter passport form is used.
    if (variant === 'uk' && (ch === 'є' || ch === 'ї') && i > 0) {
      out += ch === 'є' ? 'ie' : 'i';
      continue;
    }
    const prev = i > 0 ? (word[i - 1] ?? '') : '';
    if (ch === 'ё' && (i === 0 || CYRILLIC_VOWELS.has(prev) || prev === 'ь' || prev === 'ъ')) {
      out += 'yo'; // Ёсиюки Yoshiyuki, but Фёдор Fedor
      continue;
    }
    if (ch === 'у' && i === 0 && CYRILLIC_VOWELS.has(word[1] ?? '')) {
      out += 'w'; // Уильям William, Уотсон Watson
      continue;
    }
    out += mapped;
  }
  return out;
}

const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
  a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', i: 'і', j: 'ј', k: 'к',
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', I: 'І', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т',
  X: 'Х', Y: 'У',
};
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LATIN_TO_CYRILLIC).map(([latin, cyrillic]) => [cyrillic, latin]),
);

/**
 * Folds look-alike letters of the minority script into the majority script of one word
 * (`Мyхаммад` with a Latin `y` becomes all Cyrillic; `Ivаnov` with a Cyrillic `а` all Latin).
 * Ties go to Cyrillic: a spoofed word is more often Cyrillic with Latin letters typed in.
 */
export function foldLookalikes(word: string, latinLetters: number, cyrillicLetters: number): string {
  const table = cyrillicLetters >= latinLetters ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
  let out = '';
  for (const ch of word) out += table[ch] ?? ch;
  return out;
}
