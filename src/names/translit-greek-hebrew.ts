/** Greek (ELOT 743, as Greek passports write it) and Hebrew (consonantal) to Latin. */

const GREEK: Readonly<Record<string, string>> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l',
  μ: 'm', ν: 'n', ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f',
  χ: 'ch', ψ: 'ps', ω: 'o', ϊ: 'i', ϋ: 'y',
};
const GREEK_PAIRS: Readonly<Record<string, string>> = {
  ου: 'ou', αι: 'ai', ει: 'ei', οι: 'oi', αυ: 'av', ευ: 'ev', ηυ: 'iv', γγ: 'ng', γκ: 'gk',
  γξ: 'nx', γχ: 'nch', μπ: 'mp', ντ: 'nt',
};

/** Transliterates one lower-case Greek word (accents already stripped by the caller). */
export function transliterateGreek(word: string): string {
  const w = word.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const pair = GREEK_PAIRS[w.slice(i, i + 2)];
    if (pair !== undefined) {
      // Word-initial μπ and ντ are b and d (Μπακογιάννης = Bakogiannis).
      out += i === 0 && (pair === 'mp' || pair === 'nt') ? pair.slice(1).replace('p', 'b').replace('t', 'd') : pair;
      i++;
      continue;
    }
    const ch = w[i] ?? '';
    out += GREEK[ch] ?? '';
  }
  return out;
}

const HEBREW: Readonly<Record<string, string>> = {
  א: '', ב: 'v', ג: 'g', ד: 'd', ה: 'h', ז: 'z', ח: 'kh', ט: 't', כ: 'kh', ך: 'kh', ל: 'l',
  מ: 'm', ם: 'm', נ: 'n', ן: 'n', ס: 's', ע: '', פ: 'f', ף: 'f', צ: 'ts', ץ: 'ts', ק: 'k',
  ר: 'r', ש: 'sh', ת: 't', װ: 'v', ױ: 'oi', ײ: 'ei',
};
const HEBREW_INITIAL: Readonly<Record<string, string>> = { ב: 'b', כ: 'k', פ: 'p', א: 'a', ע: 'a' };
const HEBREW_GERESH: Readonly<Record<string, string>> = { ג: 'j', ז: 'zh', צ: 'ch', ץ: 'ch', ת: 'th', ח: 'kh' };

/**
 * Transliterates one Hebrew word. Vowels are unwritten; ו and י are read as vowels inside a word
 * (יוסף -> `yosf`, with ו as `o`) and as consonants at its start or doubled.
 */
export function transliterateHebrew(word: string): string {
  const w = word.replace(/[\u0591-\u05c7]/g, '');
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const ch = w[i] ?? '';
    const next = w[i + 1] ?? '';
    if (next === '\u05f3' || next === "'") {
      out += HEBREW_GERESH[ch] ?? HEBREW[ch] ?? '';
      i++;
      continue;
    }
    if (ch === 'ו') {
      if (next === 'ו') {
        out += 'v';
        i++;
      } else out += i === 0 ? 'v' : 'o';
      continue;
    }
    if (ch === 'י') {
      if (next === 'י') {
        out += 'y';
        i++;
      } else out += i === 0 ? 'y' : 'i';
      continue;
    }
    out += (i === 0 ? HEBREW_INITIAL[ch] : undefined) ?? HEBREW[ch] ?? '';
  }
  return out;
}
