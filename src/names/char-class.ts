import type { Script } from './types.js';

/**
 * Classifies code points for the tokenizer. Written as range checks rather than Unicode property
 * regexes because it runs on every character of every name the index holds.
 */

export const CharKind = {
  Letter: 0,
  /** A combining mark: belongs to the word it follows. */
  Mark: 1,
  Digit: 2,
  /** Apostrophes, ayn and hamza signs: joined over inside a word, a break elsewhere. */
  Apostrophe: 3,
  Hyphen: 4,
  Comma: 5,
  Dot: 6,
  /** Zero-width joiners, tatweel, soft hyphens: dropped without breaking the word. */
  Ignorable: 7,
  /** Middle dots: join two Latin letters (Catalan l·l), separate anything else. */
  MiddleDot: 8,
  /** Spaces, quotes, brackets and other punctuation. */
  Break: 9,
} as const;
export type CharKind = (typeof CharKind)[keyof typeof CharKind];

/** Kinds of BMP code points already classified, plus one (0 = not yet). */
const BMP_KINDS = new Uint8Array(0x10000);

export function charKind(cp: number): CharKind {
  if (cp < 0x10000) {
    const cached = BMP_KINDS[cp] ?? 0;
    if (cached !== 0) return (cached - 1) as CharKind;
    const kind = classify(cp);
    BMP_KINDS[cp] = kind + 1;
    return kind;
  }
  return classify(cp);
}

function classify(cp: number): CharKind {
  if (cp < 0x80) {
    if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a)) return CharKind.Letter;
    if (cp >= 0x30 && cp <= 0x39) return CharKind.Digit;
    if (cp === 0x27 || cp === 0x60) return CharKind.Apostrophe;
    if (cp === 0x2d) return CharKind.Hyphen;
    if (cp === 0x2c) return CharKind.Comma;
    if (cp === 0x2e) return CharKind.Dot;
    return CharKind.Break;
  }
  switch (cp) {
    case 0x00b4: // acute accent used as apostrophe
    case 0x2018:
    case 0x2019:
    case 0x201b:
    case 0x2032:
    case 0x02b9:
    case 0x02bb:
    case 0x02bc:
    case 0x02bd:
    case 0x02be:
    case 0x02bf:
    case 0x02c8:
    case 0x02ca:
    case 0x02cb:
    case 0xff07:
      return CharKind.Apostrophe;
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2043:
    case 0x2212:
    case 0xfe58:
    case 0xfe63:
    case 0xff0d:
    case 0x05be: // Hebrew maqaf
      return CharKind.Hyphen;
    case 0x060c: // Arabic comma
    case 0x3001: // ideographic comma
    case 0xff0c:
      return CharKind.Comma;
    case 0x3002:
    case 0xff0e:
      return CharKind.Dot;
    case 0x00b7:
    case 0x30fb: // katakana middle dot
    case 0x2027:
    case 0x2022:
      return CharKind.MiddleDot;
    case 0x00ad: // soft hyphen
    case 0x200b:
    case 0x200c:
    case 0x200d:
    case 0x2060:
    case 0xfeff:
    case 0x0640: // Arabic tatweel
      return CharKind.Ignorable;
    default:
      break;
  }
  if (cp >= 0x0300 && cp <= 0x036f) return CharKind.Mark;
  if (cp >= 0x0591 && cp <= 0x05c7) {
    return cp === 0x05c0 || cp === 0x05c3 || cp === 0x05c6 ? CharKind.Break : CharKind.Mark;
  }
  if (cp === 0x05f3 || cp === 0x05f4) return CharKind.Letter; // geresh: part of a Hebrew letter
  if ((cp >= 0x0610 && cp <= 0x061a) || (cp >= 0x064b && cp <= 0x065f) || cp === 0x0670) {
    return CharKind.Mark;
  }
  if (cp >= 0x06d6 && cp <= 0x06ed) return cp === 0x06dd || cp === 0x06de || cp === 0x06e9 ? CharKind.Break : CharKind.Mark;
  if ((cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06f0 && cp <= 0x06f9)) return CharKind.Digit;
  if (cp >= 0x08d3 && cp <= 0x08ff) return CharKind.Mark;
  if (cp >= 0x3099 && cp <= 0x309a) return CharKind.Mark;
  if (cp === 0x309b || cp === 0x309c) return CharKind.Mark;
  if (cp === 0x30fc || cp === 0x3005) return CharKind.Letter; // prolonged sound mark, iteration mark
  if (cp >= 0x1ab0 && cp <= 0x1aff) return CharKind.Mark;
  if (cp >= 0x1dc0 && cp <= 0x1dff) return CharKind.Mark;
  if (cp >= 0x20d0 && cp <= 0x20ff) return CharKind.Mark;
  if (cp >= 0xfe20 && cp <= 0xfe2f) return CharKind.Mark;
  if (cp >= 0x02b0 && cp <= 0x02ff) return CharKind.Ignorable; // other modifier letters
  return LETTER_RE.test(String.fromCodePoint(cp))
    ? CharKind.Letter
    : MARK_RE.test(String.fromCodePoint(cp))
      ? CharKind.Mark
      : DIGIT_RE.test(String.fromCodePoint(cp))
        ? CharKind.Digit
        : CharKind.Break;
}

const LETTER_RE = /^\p{L}$/u;
const MARK_RE = /^\p{M}$/u;
const DIGIT_RE = /^\p{Nd}$/u;

/** Script of a letter. Only called for code points `charKind` calls letters. */
export function letterScript(cp: number): Script {
  if (cp < 0x0250) return 'Latn';
  if (cp < 0x0370) return cp < 0x02b0 ? 'Latn' : 'Other';
  if (cp < 0x0400) return 'Grek';
  if (cp < 0x0530) return 'Cyrl';
  if (cp < 0x0590) return 'Other'; // Armenian
  if (cp < 0x0600) return 'Hebr';
  if (cp < 0x0700) return 'Arab';
  if (cp >= 0x0750 && cp < 0x0780) return 'Arab';
  if (cp >= 0x08a0 && cp < 0x0900) return 'Arab';
  if (cp >= 0x1c80 && cp < 0x1c90) return 'Cyrl';
  if (cp >= 0x1e00 && cp < 0x1f00) return 'Latn';
  if (cp >= 0x1f00 && cp < 0x2000) return 'Grek';
  if (cp >= 0x2c60 && cp < 0x2c80) return 'Latn';
  if (cp >= 0x2de0 && cp < 0x2e00) return 'Cyrl';
  if (cp === 0x3005) return 'Hani';
  if (cp >= 0x3040 && cp < 0x3100) return 'Kana';
  if (cp >= 0x31f0 && cp < 0x3200) return 'Kana';
  if (cp >= 0x1100 && cp < 0x1200) return 'Hang';
  if (cp >= 0x3130 && cp < 0x3190) return 'Hang';
  if (cp >= 0xac00 && cp < 0xd7b0) return 'Hang';
  if (cp >= 0x3400 && cp < 0x4dc0) return 'Hani';
  if (cp >= 0x4e00 && cp < 0xa000) return 'Hani';
  if (cp >= 0xf900 && cp < 0xfb00) return 'Hani';
  if (cp >= 0x20000 && cp < 0x30000) return 'Hani';
  if (cp >= 0xa640 && cp < 0xa6a0) return 'Cyrl';
  if (cp >= 0xa720 && cp < 0xa800) return 'Latn';
  if (cp >= 0xab30 && cp < 0xab70) return 'Latn';
  if (cp >= 0xfb1d && cp < 0xfb50) return 'Hebr';
  if (cp >= 0xfb50 && cp < 0xfe00) return 'Arab';
  if (cp >= 0xfe70 && cp < 0xff00) return 'Arab';
  if (cp >= 0xff21 && cp < 0xff5b) return 'Latn';
  if (cp >= 0xff66 && cp < 0xffa0) return 'Kana';
  return 'Other';
}
