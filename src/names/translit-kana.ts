/**
 * Hiragana and katakana to modified Hepburn without macrons (long vowels are written as the
 * letters give them: さとう -> `satou`, サトー -> `sato`; the skeleton makes Sato, Satou and
 * Satoh meet). Katakana extensions for foreign names (ティ ti, ファ fa, ヴ v) are included.
 */

const BASE = [
  'あa', 'いi', 'うu', 'えe', 'おo', 'かka', 'きki', 'くku', 'けke', 'こko', 'がga', 'ぎgi', 'ぐgu',
  'げge', 'ごgo', 'さsa', 'しshi', 'すsu', 'せse', 'そso', 'ざza', 'じji', 'ずzu', 'ぜze', 'ぞzo',
  'たta', 'ちchi', 'つtsu', 'てte', 'とto', 'だda', 'ぢji', 'づzu', 'でde', 'どdo', 'なna', 'にni',
  'ぬnu', 'ねne', 'のno', 'はha', 'ひhi', 'ふfu', 'へhe', 'ほho', 'ばba', 'びbi', 'ぶbu', 'べbe',
  'ぼbo', 'ぱpa', 'ぴpi', 'ぷpu', 'ぺpe', 'ぽpo', 'まma', 'みmi', 'むmu', 'めme', 'もmo', 'やya',
  'ゆyu', 'よyo', 'らra', 'りri', 'るru', 'れre', 'ろro', 'わwa', 'ゐi', 'ゑe', 'をo', 'んn',
  'ゔvu', 'ぁa', 'ぃi', 'ぅu', 'ぇe', 'ぉo', 'ゃya', 'ゅyu', 'ょyo', 'ゎwa', 'ゕka', 'ゖke',
];

const SINGLE = new Map<string, string>();
for (const entry of BASE) {
  const kana = entry[0] ?? '';
  const roman = entry.slice(1);
  SINGLE.set(kana, roman);
  SINGLE.set(String.fromCharCode(kana.charCodeAt(0) + 0x60), roman); // katakana
}
SINGLE.set('ヷ', 'va');
SINGLE.set('ヸ', 'vi');
SINGLE.set('ヹ', 've');
SINGLE.set('ヺ', 'vo');

/** Small ya/yu/yo and small vowels after a consonant kana combine with it. */
const SMALL = new Set(['ゃ', 'ゅ', 'ょ', 'ぁ', 'ぃ', 'ぅ', 'ぇ', 'ぉ', 'ャ', 'ュ', 'ョ', 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ゎ', 'ヮ']);

function combine(base: string, small: string): string {
  const vowel = small.slice(-1);
  if (small.startsWith('y')) {
    // きゃ kya, しゃ sha, ちゃ cha, じゃ ja
    if (base === 'shi' || base === 'chi' || base === 'ji') return base.slice(0, -1) + small.slice(1);
    return base.slice(0, -1) + small;
  }
  if (base === 'fu' || base === 'vu') return base.slice(0, -1) + vowel; // ファ fa, ヴァ va
  if (base === 'u') return 'w' + vowel; // ウィ wi, ウェ we
  if (base === 'tsu') return 'ts' + vowel; // ツァ tsa
  if (base === 'te' || base === 'de') return base.slice(0, -1) + vowel; // ティ ti, ディ di
  if (base === 'to' || base === 'do') return base.slice(0, -1) + vowel; // トゥ tu
  if (base === 'shi' || base === 'chi' || base === 'ji') return base.slice(0, -1) + vowel; // シェ she
  return base.slice(0, -1) + vowel;
}

/** Transliterates one kana word. */
export function transliterateKana(word: string): string {
  let out = '';
  let geminate = false;
  const chars = [...word];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    if (ch === 'っ' || ch === 'ッ') {
      geminate = true;
      continue;
    }
    if (ch === 'ー') continue;
    let roman = SINGLE.get(ch);
    if (roman === undefined) continue;
    const next = chars[i + 1] ?? '';
    if (SMALL.has(next) && !SMALL.has(ch) && roman !== 'n') {
      roman = combine(roman, SINGLE.get(next) ?? '');
      i++;
    }
    if (geminate) {
      out += roman.startsWith('ch') ? 't' : roman[0] ?? '';
      geminate = false;
    }
    out += roman;
  }
  return out;
}
