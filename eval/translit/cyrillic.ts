import { distance } from 'fastest-levenshtein';

/**
 * Romanisations of Russian Cyrillic, written for the evaluation from the published schemes (not
 * from Vigil's own tables), to produce the spellings under which one Russian name really
 * travels: ISO 9, BGN/PCGN, the ICAO 9303 passport table, the scholarly system, and the French
 * and German press conventions.
 */

export const CYRILLIC_SCHEMES = ['iso9', 'bgn', 'icao', 'scholarly', 'french', 'german'] as const;
export type CyrillicScheme = (typeof CYRILLIC_SCHEMES)[number];

type Table = Record<string, string>;

const COMMON: Table = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', з: 'z', и: 'i', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
};

/** ISO 9:1995, one letter for one letter. */
const ISO9: Table = {
  ...COMMON, е: 'e', ё: 'ë', ж: 'ž', й: 'j', х: 'h', ц: 'c', ч: 'č', ш: 'š', щ: 'ŝ', ъ: 'ʺ',
  ы: 'y', ь: 'ʹ', э: 'è', ю: 'û', я: 'â', і: 'ì', ї: 'ï', є: 'ê', ґ: 'g̀',
};

/** Scholarly (scientific) transliteration. */
const SCHOLARLY: Table = {
  ...COMMON, е: 'e', ё: 'ë', ж: 'ž', й: 'j', х: 'x', ц: 'c', ч: 'č', ш: 'š', щ: 'šč', ъ: 'ʺ',
  ы: 'y', ь: 'ʹ', э: 'è', ю: 'ju', я: 'ja', і: 'i', ї: 'ji', є: 'je', ґ: 'g',
};

/** ICAO Doc 9303 (Russian passports since 2013). */
const ICAO: Table = {
  ...COMMON, е: 'e', ё: 'e', ж: 'zh', й: 'i', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia', і: 'i', ї: 'i', є: 'ie', ґ: 'g',
};

const VOWELS = new Set([...'аеёиоуыэюяіїє']);
const SOFT_OR_HARD = new Set(['ъ', 'ь']);

function isWordStartOrAfterVowel(word: string, i: number): boolean {
  if (i === 0) return true;
  const prev = word[i - 1]!;
  return VOWELS.has(prev) || prev === 'й' || SOFT_OR_HARD.has(prev);
}

/**
 * BGN/PCGN 1947 for Russian, in the form names are actually written in (no diaeresis, no
 * apostrophes for the soft and hard signs): Щукин -> Shchukin, Евгений -> Yevgeniy.
 */
function bgnWord(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    switch (c) {
      case 'е': out += isWordStartOrAfterVowel(word, i) ? 'ye' : 'e'; break;
      case 'ё': out += isWordStartOrAfterVowel(word, i) ? 'yo' : 'yo'; break;
      case 'ж': out += 'zh'; break;
      case 'й': out += 'y'; break;
      case 'х': out += 'kh'; break;
      case 'ц': out += 'ts'; break;
      case 'ч': out += 'ch'; break;
      case 'ш': out += 'sh'; break;
      case 'щ': out += 'shch'; break;
      case 'ъ': case 'ь': break;
      case 'ы': out += 'y'; break;
      case 'э': out += 'e'; break;
      case 'ю': out += 'yu'; break;
      case 'я': out += 'ya'; break;
      case 'і': out += 'i'; break;
      case 'ї': out += 'yi'; break;
      case 'є': out += 'ye'; break;
      case 'ґ': out += 'g'; break;
      default: out += COMMON[c] ?? c;
    }
  }
  return out;
}

/**
 * The French press convention: у -> ou, ш -> ch, ч -> tch, ж -> j, х -> kh, й -> ï after a
 * vowel, с between vowels -> ss, final -ин -> -ine, -ий -> -i (Щукин -> Chtchoukine).
 */
function frenchWord(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    const next = word[i + 1];
    const prevVowel = i > 0 && VOWELS.has(word[i - 1]!);
    const nextVowel = next !== undefined && VOWELS.has(next);
    switch (c) {
      case 'у': out += 'ou'; break;
      case 'и': out += next === 'я' ? '' : 'i'; break; // -ия is -ia (Ioulia, Maria)
      case 'ю': out += 'iou'; break;
      case 'я': out += 'ia'; break;
      case 'е': out += i === 0 ? 'ie' : 'e'; break;
      case 'ё': out += 'io'; break;
      case 'э': out += 'e'; break;
      case 'ж': out += 'j'; break;
      case 'х': out += 'kh'; break;
      case 'ц': out += 'ts'; break;
      case 'ч': out += 'tch'; break;
      case 'ш': out += 'ch'; break;
      case 'щ': out += 'chtch'; break;
      case 'ы': out += 'y'; break;
      case 'ъ': case 'ь': break;
      case 'й':
        if (i === word.length - 1 && word[i - 1] === 'и') break; // -ий -> -i
        out += prevVowel ? 'ï' : 'i';
        break;
      case 'с': out += prevVowel && nextVowel ? 'ss' : 's'; break;
      case 'г': out += next === 'е' || next === 'и' || next === 'ы' ? 'gu' : 'g'; break;
      default: out += COMMON[c] ?? c;
    }
  }
  if (/ин$/.test(word)) out += 'e';
  return out;
}

/**
 * The German (Duden) convention: в -> w, ж/ш -> sch, ч -> tsch, щ -> schtsch, х -> ch, ц -> z,
 * з -> s, с between vowels -> ss, е -> je at the start or after a vowel (Щукин -> Schtschukin).
 */
function germanWord(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    const next = word[i + 1];
    const prevVowel = i > 0 && VOWELS.has(word[i - 1]!);
    const nextVowel = next !== undefined && VOWELS.has(next);
    switch (c) {
      case 'в': out += 'w'; break;
      case 'е': out += isWordStartOrAfterVowel(word, i) ? 'je' : 'e'; break;
      case 'ё': out += 'jo'; break;
      case 'ж': out += 'sch'; break;
      case 'з': out += 's'; break;
      case 'й': out += i === word.length - 1 && word[i - 1] === 'и' ? '' : 'i'; break;
      case 'с': out += prevVowel && nextVowel ? 'ss' : 's'; break;
      case 'х': out += 'ch'; break;
      case 'ц': out += 'z'; break;
      case 'ч': out += 'tsch'; break;
      case 'ш': out += 'sch'; break;
      case 'щ': out += 'schtsch'; break;
      case 'ъ': case 'ь': break;
      case 'ы': out += 'y'; break;
      case 'э': out += 'e'; break;
      case 'ю': out += 'ju'; break;
      case 'я': out += 'ja'; break;
      default: out += COMMON[c] ?? c;
    }
  }
  return out;
}

function tableWord(table: Table): (word: string) => string {
  return (word) => {
    let out = '';
    for (const c of word) out += table[c] ?? c;
    return out;
  };
}

const WORD: Record<CyrillicScheme, (word: string) => string> = {
  iso9: tableWord(ISO9),
  scholarly: tableWord(SCHOLARLY),
  icao: tableWord(ICAO),
  bgn: bgnWord,
  french: frenchWord,
  german: germanWord,
};

/** Upper case stays upper case; a digraph from a capital is capitalised only on its first letter. */
function recase(source: string, romanised: string): string {
  if (source === source.toLowerCase()) return romanised;
  if (source === source.toUpperCase() && source.length > 1) return romanised.toUpperCase();
  return romanised.charAt(0).toUpperCase() + romanised.slice(1);
}

/** Romanises Cyrillic text word by word under one scheme; other characters pass through. */
export function romaniseCyrillic(text: string, scheme: CyrillicScheme): string {
  return text.replace(/[\p{Script=Cyrillic}]+/gu, (word) => recase(word, WORD[scheme](word.toLowerCase())));
}

// ---------------------------------------------------------------------------------------------
// Back from Latin: the lists write Russian names in an OFAC/BGN-like romanisation; to re-spell
// them under other schemes we first rebuild the Cyrillic, then keep it only if it romanises
// back to the listed spelling (a round trip), so a doubtful reconstruction is never used.

const REVERSE: ReadonlyArray<readonly [string, string]> = [
  ['shch', 'щ'], ['zh', 'ж'], ['kh', 'х'], ['ts', 'ц'], ['ch', 'ч'],
  ['sh', 'ш'], ['yu', 'ю'], ['ya', 'я'], ['yo', 'ё'], ['ye', 'е'], ['iye', 'ие'], ['iya', 'ия'],
  ['iyu', 'ию'], ['iy', 'ий'], ['yy', 'ый'],
  ['a', 'а'], ['b', 'б'], ['v', 'в'], ['w', 'в'], ['g', 'г'], ['d', 'д'], ['e', 'е'], ['z', 'з'],
  ['i', 'и'], ['k', 'к'], ['l', 'л'], ['m', 'м'], ['n', 'н'], ['o', 'о'], ['p', 'п'], ['r', 'р'],
  ['s', 'с'], ['t', 'т'], ['u', 'у'], ['f', 'ф'], ['x', 'кс'], ['h', 'х'], ['c', 'к'], ['j', 'й'],
];

function reverseWord(word: string): string | undefined {
  let out = '';
  let i = 0;
  while (i < word.length) {
    // ICAO-style endings: -yi is ый (Novyi), -ii is ий (Petrovskii).
    if (i === word.length - 2 && (word.endsWith('yi') || word.endsWith('ii')) && i > 0) {
      out += word.endsWith('yi') ? 'ый' : 'ий';
      i += 2;
      continue;
    }
    // y: й after a vowel or at the end, ы after a consonant.
    if (word[i] === 'y' && !['yu', 'ya', 'yo', 'ye', 'yy'].some((d) => word.startsWith(d, i))) {
      const prev = out[out.length - 1];
      out += prev === undefined || VOWELS.has(prev) ? 'й' : 'ы';
      i++;
      continue;
    }
    // i after a vowel at the end of a word is й as ICAO writes it (Aleksei, Nikolai).
    if (word[i] === 'i' && i === word.length - 1 && i > 0 && /[aeiou]/.test(word[i - 1]!)) {
      out += 'й';
      i++;
      continue;
    }
    const hit = REVERSE.find(([latin]) => word.startsWith(latin, i));
    if (hit === undefined) return undefined;
    let cyr = hit[1];
    // Initial e is mostly е (Yelena, Yekaterina, Yegor); э in Eduard, Emil, Emma.
    if (hit[0] === 'e' && i === 0 && /^e[dm]/.test(word)) cyr = 'э';
    out += cyr;
    i += hit[0].length;
  }
  return out;
}

function normaliseLatin(word: string): string {
  return word.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/['’`]/g, '');
}

/** Spellings that a BGN/OFAC-style romanisation of `cyrillic` may take, for the round trip. */
function acceptableRomanisations(cyrillic: string): Set<string> {
  const bgn = bgnWord(cyrillic);
  const forms = new Set([bgn, tableWord(ICAO)(cyrillic), bgn.replace(/(?<=[^aeiouy])yy$/, 'yi').replace(/iy$/, 'ii')]);
  // OFAC writes -iy/-yy endings and e for е after vowels in many names.
  forms.add(bgn.replace(/ye/g, 'e'));
  return forms;
}

/**
 * Rebuilds the Cyrillic of a Russian name written in an OFAC/BGN-style romanisation, word by
 * word; undefined when any word does not survive the round trip.
 * `lookup` may offer the Wikidata rendering of a word first (Ivan -> Иван).
 */
export function cyrillicFromLatin(text: string, lookup?: (word: string) => string | undefined): string | undefined {
  const words = text.split(/(\s+|-)/);
  const out: string[] = [];
  for (const token of words) {
    if (/^\s+$|^-$|^$/.test(token)) {
      out.push(token);
      continue;
    }
    const latin = normaliseLatin(token);
    if (!/^[a-z]+$/.test(latin)) return undefined;
    const candidates = [lookup?.(latin), reverseWord(latin)].filter((c): c is string => c !== undefined);
    const accepted = candidates.find((c) => acceptableRomanisations(c).has(latin));
    if (accepted === undefined) return undefined;
    out.push(recase(token, accepted));
  }
  return out.join('');
}

const ARTICLES_RU: Record<string, string> = { al: 'аль', el: 'эль', ul: 'уль' };

/**
 * Writes a Latin name in Cyrillic through the Wikidata table (Muhammad -> Мухаммад), trying the
 * real-world variants of a part the table lacks; undefined unless every part is covered.
 */
export function renderCyrillicWikidata(
  words: readonly string[],
  toNative: (latin: string) => string | undefined,
  variants: (latin: string) => readonly string[],
): string | undefined {
  const out: string[] = [];
  let article: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const articleRu = ARTICLES_RU[w];
    if (articleRu !== undefined && i + 1 < words.length) {
      article = articleRu;
      continue;
    }
    // The table has misaligned rows (tufail -> мохаммед): a rendering must sound like the word.
    const plausible = (latin: string): string | undefined => {
      const n = toNative(latin);
      return n !== undefined && distance(WORD.icao(n), latin) <= Math.max(2, Math.floor(latin.length / 2)) ? n : undefined;
    };
    const native = plausible(w) ?? variants(w).map(plausible).find((x) => x !== undefined);
    if (native === undefined) return undefined;
    const word = native.charAt(0).toUpperCase() + native.slice(1);
    out.push(article === undefined ? word : `${article}-${word}`);
    article = undefined;
  }
  return out.length === 0 ? undefined : out.join(' ');
}

/** Ukrainian national romanisation (2010), used for Ukrainian negatives. */
export function romaniseUkrainian(text: string): string {
  const table: Table = {
    ...COMMON, г: 'h', ґ: 'g', е: 'e', є: 'ie', ж: 'zh', и: 'y', і: 'i', ї: 'i', й: 'i', х: 'kh',
    ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ю: 'iu', я: 'ia', ' ': ' ', '’': '', "'": '',
  };
  const initial: Table = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };
  return text.replace(/[\p{Script=Cyrillic}’']+/gu, (word) => {
    const lower = word.toLowerCase();
    let out = '';
    for (let i = 0; i < lower.length; i++) {
      const c = lower[i]!;
      out += (i === 0 ? initial[c] : undefined) ?? table[c] ?? c;
    }
    return recase(word, out);
  });
}
