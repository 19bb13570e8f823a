import { foldLatinWord } from './fold-latin.js';

/**
 * Russian-sphere names written in Latin letters under another convention than the English
 * (BGN/PCGN, passport) one that lists use, re-spelled into that one before anything else reads
 * them. Skeletons cannot bridge these on their own: German `w`, `j`, `ch` (= х), `z` (= ц) and
 * `-ow`, scholarly `x` (= х), `c` (= ц), `j` (= й) and háčeks, French `ch` (= ш), `j` (= ж),
 * `ou`, `gue` each mean something else in English-style spellings of Arabic or English names.
 *
 * So a convention is applied only when the name as a whole shows it (a German patronymic in
 * `-witsch`, or two of its habits; a háček in a Russian-shaped name; ...), and then to every
 * Latin word of the name:
 *
 *   Alexander Michailowitsch Ossipow -> aleksandr mikhailovich osipov (German, Duden)
 *   Ûrij Âkovlevič Čajka             -> yuriy yakovlevich chayka     (ISO 9)
 *   Mixail Vadimovič Černov          -> mikhail vadimovich chernov   (scholarly)
 *   Ioulia Aleksandrovna Sergueeva   -> yulia aleksandrovna sergeeva (French)
 *   Iurii Vladimirovich Ivakin       -> yuriy vladimirovich ivakin   (ICAO 9303)
 *
 * The output uses none of the habits that selected it, so analysing it again changes nothing.
 * German `sch` stands for both ш and ж; it is re-spelled `sh` (the commoner), which meets `zh`
 * only as a typo.
 */

export const SlavicConvention = { None: 0, German: 1, Scholarly: 2, French: 3, Icao: 4 } as const;
export type SlavicConvention = (typeof SlavicConvention)[keyof typeof SlavicConvention];

/** Patronymics and surnames as every convention shapes them (after folding). */
const RUSSIAN_PATRONYMIC = /(?:[oe]vich|[oe]vna|[oe]vic|[oe]vitch|[oe]witsch|[oe]wna|ichna)$/;
const RUSSIAN_SURNAME = /(?:ov|ev|ova|eva|ow|ew|owa|ewa|skiy|skii|skij|ski|skaya|skaja|skaia|enko|insky|yuk|iuk|juk|chuk|tschuk)$/;
const HACEK = /[čšžŝ]/;
/** Letters of South and West Slavic alphabets, which Russian transliterations do not use. */
const WEST_SOUTH_SLAVIC = /[ćđřůěťďňĺľŕáíéóúý]/;
const ISO_VOWEL = /[âûêëè]/;

function russianShaped(word: string): boolean {
  return word.length >= 5 && (RUSSIAN_PATRONYMIC.test(word) || RUSSIAN_SURNAME.test(word) || /ii$/.test(word));
}

/** Evidence for each convention in one folded word. */
function germanEvidence(w: string): number {
  let score = 0;
  if (/(?:witsch|wna)$/.test(w)) score += 2;
  if (w.includes('tsch')) score += 1;
  if (/^w[bcdfgjklmnpstvz]/.test(w) || /[aeiou]w[bcdfgjklmnpstz]/.test(w)) score += 1;
  if (/[bdgklmnprstvz]j[aeiou]|ij[aeou]/.test(w) || /[aeiouy]j$/.test(w) || /^je[wvg]/.test(w)) score += 1;
  return score;
}

/** A surname in -ow, -ew, -owa: German or Polish, but also English (Barlow, Andrew): weak alone. */
const GERMAN_SURNAME = /(?:[bcdfgklmnprstvz][oe]|je)wa?$/;

function frenchEvidence(w: string): number {
  let score = 0;
  if (/[oe]vitch$/.test(w)) score += 2;
  if (/^i[eo]u?[bcdfgklmnprstvz]/.test(w) || w.startsWith('iou')) score += 1;
  if (/gu[eiy]/.test(w)) score += 1;
  if (/[bdgklmnprstvz]ou[bcdfgklmnprstvz]/.test(w) && w.length >= 5) score += 1;
  if (/[^s]tch/.test(w) || w.startsWith('tch')) score += 1;
  return score;
}

/** Letters and pairs every convention's evidence needs: most names have none and stop here. */
const ANY_EVIDENCE = /[wjxčšžŝâûêëè]|tch|ou|gu|ii|^i/;

/**
 * Which convention, if any, a name's Latin words are written in. `words` are lower-case as
 * written (diacritics kept), one per Latin word of the name.
 */
export function slavicConvention(words: readonly string[]): SlavicConvention {
  if (words.length === 0) return SlavicConvention.None;
  let any = false;
  for (const w of words) if (ANY_EVIDENCE.test(w)) any = true;
  if (!any) return SlavicConvention.None;
  let shaped = false;
  let hacek = false;
  let iso = false;
  let german = 0;
  let french = 0;
  let icao = false;
  let surname = 0;
  for (const raw of words) {
    if (WEST_SOUTH_SLAVIC.test(raw)) return SlavicConvention.None;
    // Háčeks, or x for х in the -ых/-их surnames (Belyx = Belykh), write a scholarly spelling.
    if (HACEK.test(raw) || /[bcdfgklmnprstvz][iy]x$/.test(raw)) hacek = true;
    if (ISO_VOWEL.test(raw)) iso = true;
    const w = foldLatinWord(raw);
    if (russianShaped(w)) shaped = true;
    german += germanEvidence(w);
    if (w.length >= 5 && GERMAN_SURNAME.test(w)) surname = 1;
    french += frenchEvidence(w);
    if (/^i[aue][bcdfgklmnprstvz]/.test(w) || (w.length >= 5 && /[bcdfgklmnprstvz]ii$/.test(w))) icao = true;
  }
  if (hacek && (shaped || iso)) return SlavicConvention.Scholarly;
  if (iso && shaped) return SlavicConvention.Scholarly;
  if (german + surname >= 2) return SlavicConvention.German;
  if (french >= 2 && shaped) return SlavicConvention.French;
  if (icao && shaped) return SlavicConvention.Icao;
  return SlavicConvention.None;
}

const VOWELS = 'aeiouy';
const isVowel = (c: string | undefined): boolean => c !== undefined && c !== '' && VOWELS.includes(c);

/** ISO 9 and the scholarly system: one letter per Cyrillic letter, háčeks and circumflexes. */
const SCHOLARLY: Readonly<Record<string, string>> = {
  č: 'ch', š: 'sh', ž: 'zh', ŝ: 'shch', â: 'ya', û: 'yu', ê: 'ye', ë: 'e', è: 'e', ì: 'i',
  x: 'kh', c: 'ts', j: 'y', ʹ: '', ʺ: '',
};

function respellScholarly(word: string): string {
  let out = '';
  for (const ch of word) out += SCHOLARLY[ch] ?? ch;
  return foldLatinWord(out);
}

function respellGerman(w: string): string {
  let out = '';
  for (let i = 0; i < w.length; ) {
    if (w.startsWith('schtsch', i)) {
      out += 'shch';
      i += 7;
    } else if (w.startsWith('tsch', i)) {
      out += 'ch';
      i += 4;
    } else if (w.startsWith('dsch', i)) {
      out += 'dzh';
      i += 4;
    } else if (w.startsWith('sch', i)) {
      out += 'sh';
      i += 3;
    } else if (w.startsWith('ch', i)) {
      out += 'kh';
      i += 2;
    } else if (w.startsWith('ss', i) && isVowel(w[i - 1]) && isVowel(w[i + 2])) {
      out += 's';
      i += 2;
    } else {
      const c = w[i] as string;
      out += c === 'w' ? 'v' : c === 'z' ? 'ts' : c === 'j' ? 'y' : c;
      i++;
    }
  }
  return out;
}

function respellFrench(w: string): string {
  let out = '';
  for (let i = 0; i < w.length; ) {
    if (i === 0 && w.startsWith('iou')) {
      out += 'yu';
      i += 3;
    } else if (i === 0 && (w.startsWith('ie') || w.startsWith('io'))) {
      out += w[1] === 'e' ? 'ye' : 'yo';
      i += 2;
    } else if (w.startsWith('chtch', i)) {
      out += 'shch';
      i += 5;
    } else if (w.startsWith('tch', i)) {
      out += 'ch';
      i += 3;
    } else if (w.startsWith('ch', i)) {
      out += 'sh';
      i += 2;
    } else if (w.startsWith('dj', i)) {
      out += 'dzh';
      i += 2;
    } else if (w.startsWith('ou', i)) {
      out += 'u';
      i += 2;
    } else if (w.startsWith('gu', i) && (w[i + 2] === 'e' || w[i + 2] === 'i' || w[i + 2] === 'y')) {
      out += 'g';
      i += 2;
    } else if (w.startsWith('ss', i) && isVowel(w[i - 1]) && isVowel(w[i + 2])) {
      out += 's';
      i += 2;
    } else {
      const c = w[i] as string;
      out += c === 'j' ? 'zh' : c;
      i++;
    }
  }
  // -ин is written -ine (Boussarguine, Poutine); -ine after a consonant is the French habit.
  if (out.length >= 6 && /[bcdfgklmnprstvz]ine$/.test(out)) out = out.slice(0, -1);
  return out;
}

function respellIcao(w: string): string {
  let out = w;
  if (/^i[aue]/.test(out)) out = `y${out.slice(1)}`;
  if (out.length >= 5 && out.endsWith('ii')) out = `${out.slice(0, -1)}y`;
  return out;
}

/**
 * Re-spells one Latin word (lower case as written) of a name in `convention` into folded
 * English-style romanisation; `None` folds only.
 */
export function respellSlavic(word: string, convention: SlavicConvention): string {
  switch (convention) {
    case SlavicConvention.Scholarly:
      return respellScholarly(word);
    case SlavicConvention.German:
      return respellGerman(foldLatinWord(word));
    case SlavicConvention.French:
      return respellFrench(foldLatinWord(word));
    case SlavicConvention.Icao:
      return respellIcao(foldLatinWord(word));
    default:
      return foldLatinWord(word);
  }
}
