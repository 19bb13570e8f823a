/**
 * Folds Latin-script text to lower-case ASCII. NFKD with marks stripped handles most letters
 * (é ü ş ç ñ ā ḥ ṣ); `SPECIAL` covers letters NFKD does not decompose, chosen as the lists
 * romanise them: Azerbaijani `ə` is `a` (Əliyev = Aliyev), Icelandic `þ` is `th`, `ß` is `ss`.
 */

const SPECIAL: Readonly<Record<string, string>> = {
  ı: 'i',
  ȷ: 'j',
  ø: 'o',
  ǿ: 'o',
  æ: 'ae',
  ǽ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ẞ: 'ss',
  ł: 'l',
  ŀ: 'l',
  ƚ: 'l',
  þ: 'th',
  ð: 'd',
  đ: 'dj', // Serbian and Croatian: Đorđević = Djordjevic = Ђорђевић
  ɖ: 'd',
  ɗ: 'd',
  ħ: 'h',
  ŧ: 't',
  ƀ: 'b',
  ɓ: 'b',
  ƙ: 'k',
  ƴ: 'y',
  ŋ: 'ng',
  ĸ: 'q',
  ə: 'a',
  ǝ: 'e',
  ɛ: 'e',
  ɔ: 'o',
  ʋ: 'v',
  ɣ: 'gh',
  ʃ: 'sh',
  ʒ: 'zh',
  ɨ: 'i',
  ʉ: 'u',
  ƒ: 'f',
  ſ: 's',
  ĳ: 'ij',
  ǆ: 'dz',
  ǉ: 'lj',
  ǌ: 'nj',
  ɑ: 'a',
  ɐ: 'a',
  ɪ: 'i',
  ʊ: 'u',
  ɯ: 'u',
  ʌ: 'a',
  ɒ: 'o',
  ɵ: 'o',
  ɲ: 'ny',
  ɾ: 'r',
  ʁ: 'r',
};

const cache = new Map<number, string>();

/** The ASCII folding of one lower-case Latin code point ('' when it has none). */
function foldCodePoint(cp: number): string {
  const cached = cache.get(cp);
  if (cached !== undefined) return cached;
  const ch = String.fromCodePoint(cp);
  let out = SPECIAL[ch];
  if (out === undefined) {
    out = '';
    for (const part of ch.normalize('NFKD')) {
      const code = part.codePointAt(0) ?? 0;
      if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) out += part;
      else if (code >= 0x41 && code <= 0x5a) out += part.toLowerCase();
      else {
        const special = SPECIAL[part];
        if (special !== undefined) out += special;
      }
    }
  }
  cache.set(cp, out);
  return out;
}

/**
 * Folds a Latin-script word to `[a-z0-9]*`: lower case, diacritics stripped, special letters
 * spelled out, anything else (marks, stray symbols) dropped.
 */
export function foldLatinWord(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) out += word[i];
    else if (c >= 0x41 && c <= 0x5a) out += String.fromCharCode(c + 32);
    else if (c < 0x80) continue;
    else {
      const cp = word.codePointAt(i) ?? c;
      if (cp > 0xffff) i++;
      const lower = String.fromCodePoint(cp).toLowerCase();
      for (const l of lower) out += foldCodePoint(l.codePointAt(0) ?? 0);
    }
  }
  return out;
}
