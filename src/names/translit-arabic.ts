/**
 * Arabic-script words (Arabic, Persian, Pashto, Urdu, Kurdish) to Latin. Short vowels are not
 * written, so the output is a consonant frame with the long vowels the letters show (حسين ->
 * `hsin`); it meets romanisations on the skeleton and through the variant dictionary, which is
 * keyed by `arabicKey`.
 */

const CONSONANTS: Readonly<Record<string, string>> = {
  ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z', س: 's',
  ش: 'sh', ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: '', غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ک: 'k',
  ل: 'l', م: 'm', ن: 'n', ه: 'h', پ: 'p', چ: 'ch', ژ: 'zh', گ: 'g', ڤ: 'v', ڨ: 'g', ڭ: 'g',
  ټ: 't', ډ: 'd', ړ: 'r', ږ: 'zh', ښ: 'sh', ګ: 'g', ڼ: 'n', ځ: 'z', څ: 's', ٹ: 't', ڈ: 'd',
  ڑ: 'r', ں: 'n', ھ: 'h', ہ: 'h', ڵ: 'l', ڕ: 'r', ء: '', ئ: '', ؤ: 'u', ٲ: 'a', ٳ: 'i',
  أ: 'a', إ: 'i', آ: 'a', ٱ: 'a', ا: 'a', ى: 'a', ۀ: 'a', ە: 'e', ۆ: 'o', ێ: 'e', ې: 'e',
  ۍ: 'i', ے: 'e', ۓ: 'e', ۃ: 'a',
};

/**
 * Output endings after which an h would be silent in a skeleton (b+h, j+h, p+h read as Urdu
 * aspirates). Other pairs (s+h, z+h, k+h) are left alone: romanisations write Azhar and Ishaq
 * as the letters come.
 */
const DIGRAPH_END = /[bjp]$/;
/** Letters whose own romanisation already ends in a digraph (ش sh, خ kh, ث th, ...). */
const DIGRAPH_LETTER = new Set(['ش', 'خ', 'ث', 'ذ', 'غ', 'ژ', 'چ', 'ښ', 'ږ']);

const LONG_A = new Set(['ا', 'أ', 'إ', 'آ', 'ٱ', 'ى', 'ة']);
const WAW = new Set(['و', 'ۋ', 'ۉ', 'ۊ', 'ۏ']);
const YEH = new Set(['ي', 'ی', 'ې', 'ێ', 'ۍ', 'ے', 'ئ']);

/** Strips tashkeel, Quranic marks and tatweel (Arabic-script words come here with their marks). */
function stripMarks(word: string): string {
  return word.replace(/[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff\u0640\u200c\u200d]/g, '');
}

/**
 * The dictionary key of an Arabic-script word: marks removed and letters that spellings
 * interchange unified (alef forms, alef maqsura and yeh, ta marbuta and heh, Persian kaf and yeh).
 */
export function arabicKey(word: string): string {
  return stripMarks(word)
    .replace(/[أإآٱٲٳ]/g, 'ا')
    .replace(/[ىیۍےۓې]/g, 'ي')
    .replace(/[ةۀەۃہھ]/g, 'ه')
    .replace(/ک/g, 'ك')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/ء/g, '');
}

/**
 * Persian, Dari, Pashto and Urdu read ذ ض ظ as z and ث as s (Fazl, not Fadl; Sanaullah, not
 * Thanaullah), and a final ه after a consonant as a vowel (جمعه Juma, زاده Zada).
 */
const PERSIANATE: Readonly<Record<string, string>> = { ذ: 'z', ض: 'z', ظ: 'z', ث: 's' };

/** Letters only Persian, Pashto and Urdu use: their presence anywhere marks a Persianate name. */
export const PERSIANATE_LETTERS = /[پچژگکیۀٹڈڑںہھےۍېټډړږښګڼځڅ]/;

function transliterateLetters(word: string, persianate: boolean): string {
  let out = '';
  const n = word.length;
  for (let i = 0; i < n; i++) {
    const ch = word[i] ?? '';
    const prev = i > 0 ? (word[i - 1] ?? '') : '';
    const next = i + 1 < n ? (word[i + 1] ?? '') : '';
    if (WAW.has(ch)) {
      // A word-initial alef only carries the vowel: او is u/o (أوكونور O'Connor, اوغور Ugur).
      const afterInitialAlef = i === 1 && LONG_A.has(prev);
      const consonant = !afterInitialAlef && (i === 0 || LONG_A.has(prev) || LONG_A.has(next) || WAW.has(next) || YEH.has(next));
      out += consonant ? 'w' : 'u';
    } else if (ch === 'ي' || ch === 'ی') {
      const consonant = i === 0 || LONG_A.has(next) || WAW.has(next) || (LONG_A.has(prev) && next !== '');
      out += consonant ? 'y' : 'i';
    } else if (ch === 'ت' && next === 'ش') {
      out += 'ch'; // تش transcribes ch (تشابمان Chapman)
      i++;
    } else if (ch === 'ع' && i === 0) {
      out += 'a'; // a word-initial ayn carries a vowel: علي Ali, عبد Abd, عمر Amr/Omar
    } else if (ch === 'ة') {
      out += i === n - 1 ? 'a' : 't';
    } else if (persianate && ch === 'ه' && i === n - 1 && i > 0 && !LONG_A.has(prev) && !WAW.has(prev) && !YEH.has(prev)) {
      out += 'a';
    } else if ((ch === 'ح' || ch === 'ه') && DIGRAPH_END.test(out) && !DIGRAPH_LETTER.has(prev)) {
      out += 'ah'; // بهرام Bahram, not the aspirate of Bhutto (written with ھ)
    } else {
      const mapped = (persianate ? PERSIANATE[ch] : undefined) ?? CONSONANTS[ch];
      out += mapped ?? '';
    }
  }
  return out;
}

/** One piece of an Arabic word: the article split off `البغدادي` gives `al` and `baghdadi`. */
export interface ArabicPiece {
  text: string;
  native: string;
}

/**
 * Transliterates one Arabic-script word, splitting the attached article (`ال`, `وال`) into
 * pieces of its own. `الله` stays whole (`allah`), and a word ending in it keeps it attached
 * (`عبدالله` -> `abdallah`).
 */
export function transliterateArabic(raw: string, persianate: boolean): ArabicPiece[] {
  const word = stripMarks(raw);
  if (word === '') return [];
  const key = arabicKey(word);
  if (key === 'الله' || key === 'لله') return [{ text: 'allah', native: word }];
  if (key.length >= 4 && key.startsWith('ال')) {
    return [{ text: 'al', native: word.slice(0, 2) }, ...transliterateStem(word.slice(2), persianate)];
  }
  if (key.length >= 6 && key.startsWith('وال')) {
    return [
      { text: 'wa', native: word.slice(0, 1) },
      { text: 'al', native: word.slice(1, 3) },
      ...transliterateStem(word.slice(3), persianate),
    ];
  }
  return transliterateStem(word, persianate);
}

function transliterateStem(word: string, persianate: boolean): ArabicPiece[] {
  const key = arabicKey(word);
  // عبدالله, and the spelling without alef عبدلله: the name of God keeps its usual romanisation.
  const allah = key.length > 4 && key.endsWith('الله') ? 4 : key.length > 3 && key.endsWith('لله') ? 3 : 0;
  if (allah > 0) {
    const stem = word.length === key.length ? word.slice(0, -allah) : key.slice(0, -allah);
    return [{ text: transliterateLetters(stem, persianate) + 'allah', native: word }];
  }
  const text = transliterateLetters(word, persianate);
  return text === '' ? [] : [{ text, native: word }];
}
