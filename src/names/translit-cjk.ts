import { createRequire } from 'node:module';
import { CHINESE_SURNAMES, KOREAN_SURNAMES } from './cjk-surnames.js';

/**
 * Chinese (pinyin through pinyin-pro, surname-aware) and Korean (McCune-Reischauer as North
 * Korean names appear on sanctions lists: 김정은 -> kim jong un) to Latin. Other romanisations
 * of surnames meet through the variant dictionary, seeded from `cjk-surnames.ts`.
 */

/** A word split into the syllables of a personal name, or kept as one word. */
export interface CjkPiece {
  text: string;
  native: string;
  role: 'family' | 'given' | 'unknown';
}

// ---------------------------------------------------------------- Korean

const INITIALS = ['k', 'kk', 'n', 't', 'tt', 'r', 'm', 'p', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
/** Initials after a voiced sound inside a word (MR voices ㄱ ㄷ ㅂ ㅈ between vowels). */
const VOICED = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const VOWELS = ['a', 'ae', 'ya', 'yae', 'o', 'e', 'yo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'u', 'ui', 'i'];
const FINALS = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];

function isHangulSyllable(cp: number): boolean {
  return cp >= 0xac00 && cp <= 0xd7a3;
}

/** Romanises Hangul syllables as one word, with the voicing and ㄹㄹ rules inside the word. */
function romaniseHangul(word: string): string {
  let out = '';
  let prevFinal = -1;
  for (const ch of word) {
    const cp = ch.codePointAt(0) ?? 0;
    if (!isHangulSyllable(cp)) {
      prevFinal = -1;
      continue;
    }
    const code = cp - 0xac00;
    const l = Math.floor(code / 588);
    const v = Math.floor((code % 588) / 28);
    const t = code % 28;
    let initial: string;
    if (prevFinal < 0) initial = INITIALS[l] ?? '';
    else if (l === 5 && prevFinal === 8) initial = 'l'; // ㄹㄹ -> ll
    else if (prevFinal === 0 || prevFinal === 4 || prevFinal === 16 || prevFinal === 21 || prevFinal === 8) {
      initial = VOICED[l] ?? '';
    } else initial = INITIALS[l] ?? '';
    out += initial + (VOWELS[v] ?? '') + (FINALS[t] ?? '');
    prevFinal = t;
  }
  return out;
}

const KOREAN_SURNAME_SET = new Set(KOREAN_SURNAMES.map((entry) => entry[0] ?? ''));

/**
 * Transliterates one Hangul word. A word of two to four syllables that starts with a known
 * surname is read as a personal name: surname, then each given-name syllable as its own piece
 * (lists write `Kim Jong Un`, `Kim Jong-un` and `Kim Jongun`; the caller joins them too).
 */
export function transliterateHangul(word: string, personLike: boolean): CjkPiece[] {
  const syllables = [...word].filter((ch) => isHangulSyllable(ch.codePointAt(0) ?? 0));
  if (syllables.length === 0) return [];
  if (personLike && syllables.length >= 2 && syllables.length <= 4) {
    const two = syllables.slice(0, 2).join('');
    const surnameLength = syllables.length >= 3 && KOREAN_SURNAME_SET.has(two) ? 2 : KOREAN_SURNAME_SET.has(syllables[0] ?? '') ? 1 : 0;
    if (surnameLength > 0) {
      const surname = syllables.slice(0, surnameLength).join('');
      return [
        { text: romaniseHangul(surname), native: surname, role: 'family' },
        ...syllables.slice(surnameLength).map((s) => ({ text: romaniseHangul(s), native: s, role: 'given' as const })),
      ];
    }
  }
  const text = romaniseHangul(syllables.join(''));
  return text === '' ? [] : [{ text, native: word, role: 'unknown' }];
}

// ---------------------------------------------------------------- Chinese

interface PinyinModule {
  pinyin(text: string, options: { toneType: 'none'; type: 'array'; surname?: 'head' | 'off'; v?: boolean; nonZh?: 'removed' }): string[];
}

let pinyinModule: PinyinModule | undefined;

/** pinyin-pro is large (its dictionary takes ~30 ms to load): load it on the first Han name only. */
function pinyinPro(): PinyinModule {
  if (pinyinModule === undefined) {
    const require = createRequire(import.meta.url);
    pinyinModule = require('pinyin-pro') as PinyinModule;
  }
  return pinyinModule;
}

const CHINESE_COMPOUND_SURNAMES = new Set<string>();
/** Two-character surnames, listed simplified then traditional (or once when they agree). */
const COMPOUND_PINYIN = new Set(['ouyang', 'sima', 'zhuge', 'shangguan', 'dongfang', 'huangfu', 'situ', 'xiahou', 'murong', 'linghu']);
for (const entry of CHINESE_SURNAMES) {
  const chars = [...(entry[0] ?? '')];
  if (COMPOUND_PINYIN.has(entry[1] ?? '')) {
    for (let i = 0; i + 1 < chars.length; i += 2) CHINESE_COMPOUND_SURNAMES.add(chars.slice(i, i + 2).join(''));
  }
}

/** Words that make a Han string an organisation's name, not a transcribed personal one. */
const ORGANISATION_WORDS = /公司|集团|集團|银行|銀行|有限|协会|協會|委员会|委員會|大学|大學|中心|工厂|工廠|研究|学院|學院|医院|醫院|贸易|貿易|科技|实业|實業|控股|基金|股份|国际|國際|船|航运|航運/;

/**
 * Transliterates one Han word. A personal name (two to four characters starting with a known
 * surname) becomes surname + given name, the given name as one word as pinyin writes it
 * (`习近平` -> `xi`, `jinping`); a longer one, a transcribed foreign name, one word. Anything
 * else becomes one piece per syllable; the caller joins neighbours so `华为` still meets `Huawei`.
 */
export function transliterateHan(word: string, personLike: boolean): CjkPiece[] {
  const chars = [...word];
  if (chars.length === 0) return [];
  const lib = pinyinPro();
  // Chinese personal names are surname first, almost always of one character: split every two-
  // to four-character word so, reading the first with pinyin-pro's surname readings (单 shan,
  // 曾 zeng). A foreign name in Han (克魯森 Crewson) is still met whole through the joined form.
  if (personLike && chars.length >= 2 && chars.length <= 4) {
    const syllables = lib.pinyin(word, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'removed' });
    if (syllables.length === chars.length) {
      const cut = chars.length >= 3 && CHINESE_COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
      const pieces: CjkPiece[] = [
        { text: clean(syllables.slice(0, cut).join('')), native: chars.slice(0, cut).join(''), role: 'family' },
        { text: clean(syllables.slice(cut).join('')), native: chars.slice(cut).join(''), role: 'given' },
      ];
      return pieces.filter((p) => p.text !== '');
    }
  }
  const syllables = lib.pinyin(word, { toneType: 'none', type: 'array', nonZh: 'removed' });
  // Five characters or more in a personal name transcribe a foreign name (馬迪奧斯 Madios): its
  // syllables say little one by one, and a dozen of them would each reach thousands of names.
  // Words of an organisation's name (公司, 银行 ...) stay syllables, joined by the caller.
  if (syllables.length !== chars.length || (personLike && chars.length >= 5 && !ORGANISATION_WORDS.test(word))) {
    const text = clean(syllables.join(''));
    return text === '' ? [] : [{ text, native: word, role: 'unknown' }];
  }
  return chars
    .map((ch, i) => ({ text: clean(syllables[i] ?? ''), native: ch, role: 'unknown' as const }))
    .filter((p) => p.text !== '');
}

function clean(text: string): string {
  return text.toLowerCase().replace(/ü/g, 'u').replace(/[^a-z]/g, '');
}
