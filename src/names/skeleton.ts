/**
 * Consonant skeletons: the key on which romanisations of one name meet.
 *
 * Arabic script writes no short vowels (محمد is `mhmd`) and every romanisation system spells the
 * same consonant its own way (خ: kh, h, ch; ج: j, dj, dzh, g; ش: sh, ch, sch, š). A skeleton
 * drops vowels and maps each family of spellings to one letter, so `Muhammad`, `Mohammed`,
 * `Mukhammad` and محمد all give `mhmd`, and `Shamil`, `Chamil`, `Schamil`, Шамиль give `sml`.
 *
 * Families (output letter: spellings):
 *   s: s, z, sh, ch, sch, tch, tsch, tsh, ts, tz, cz, sz, c before e/i/y, final c of -vić
 *   j: j, jh, dj, dzh, dsch, zh, g before e/i/y, y at the start (not before e/i), i at the start
 *      before a/o/u (Iousouf = Yusuf = Jusuf)
 *   h: h, kh            k: k, q, c, ck        g: g, gh        v: v, w, wh at the start, French ou,
 *      final w after o or e (German and Polish -ow, -ew for Russian -ov, -ev)
 *   f: f, ph            t: t, th              d: d, dh        b: b, bh        x: ks
 * Vowels (a e i o u, y inside a word, w in a diphthong before a consonant: Jawhar = Juhar) are
 * dropped; a consonant doubled (or repeated by a digraph) is written once; a word-final h after
 * a is dropped (Abdullah = Abdulla, Hamzah = Hamza), other final h stay (Saleh = صالح).
 * The Arabic article inside compounds is removed where romanisations disagree about writing it:
 * `Abdulrahman` = `Abdurrahman` = `Abd al-Rahman`, `Saifuddin` = `Saif al-Din` = `Saifaldin`.
 * Coarser merges (b/p, d/t, g/k, f/v) were measured and left out: they add more collisions
 * among list names than they bring cross-script matches.
 */

const VOWEL = new Uint8Array(128);
for (const v of 'aeiouy') VOWEL[v.charCodeAt(0)] = 1;

function isVowelCode(c: number): boolean {
  return c < 128 && VOWEL[c] === 1;
}

/** Second elements of Arabic compound names (`Saif ul-Islam`, `Fazl ul-Haq`). */
const ELEMENTS =
  'islam|haq|haque|huda|mulk|rahman|rahim|karim|aziz|amin|nabi|bari|wahab|wahhab|qadir|kadir|ghani|hadi|majid|hamid|latif|ghafur|ghafoor|ghaffar|sattar|jabbar|jalil|malik|salam|quddus|razzaq|razak|mannan|hakim|khaliq|wahid|nasir|fattah|zaman|qayyum|qayum|hayy|muttalib|mutalib';
let elementSkeletons: Set<string> | undefined;

/**
 * Whether a word is the second element of Arabic compound names (`din` in Saif al-Din, `islam`
 * in Saif al-Islam, `rahman` or Arabic-script `rhmn` in Habib ur-Rahman), which romanisations
 * also write joined. Compared on skeletons, so unvowelled spellings count.
 */
export function isCompoundElement(text: string): boolean {
  elementSkeletons ??= new Set(`${ELEMENTS}|din|allah`.split('|').map((e) => skeletonOf(e)));
  return elementSkeletons.has(skeletonOf(text));
}

const COMPOUND_ELEMENTS = new RegExp(`(?<=[a-z]{3})[aeiou]l(?=(?:${ELEMENTS})$)`);
const ARTICLE_BEFORE_DIN = /(?<=[a-z]{2})[aeiou]l(?=d{1,2}(?:i|ee|e|y)n)/;

/** Keeps the vowel of a matched article and drops its l (`aldin` -> `adin`). */
const dropL = (match: string): string => match.charAt(0);

/** Removes the Arabic article where romanisations differ about writing it (see module doc). */
function stripCompoundArticle(text: string): string {
  let t = text;
  if (
    t.length > 5 &&
    t.charCodeAt(0) === 0x61 &&
    t.charCodeAt(1) === 0x62 &&
    t.charCodeAt(2) === 0x64 &&
    isVowelCode(t.charCodeAt(3)) &&
    t.charCodeAt(4) === 0x6c
  ) {
    t = 'abd' + t.charAt(3) + t.slice(5);
  } else if (t === 'abdul' || t === 'abdel' || t === 'abdal' || t === 'abdol' || t === 'abdil') {
    return 'abd';
  }
  if (t.endsWith('zadeh')) t = t.slice(0, -1); // Persian -zadeh = -zada = -zade
  if (t.length >= 7 && t.includes('l')) {
    if (t.includes('d')) t = t.replace(ARTICLE_BEFORE_DIN, dropL);
    t = t.replace(COMPOUND_ELEMENTS, dropL);
  }
  return t;
}

/**
 * The consonant skeleton of a folded token (`[a-z0-9]+`). Never empty for a non-empty input:
 * a word of vowels only (`ai`, `oya`) is its own skeleton.
 */
export function skeletonOf(text: string): string {
  return walk(text, false);
}

/** The skeleton and the vowel pattern (`vowelPatternOf`) of a folded word, in one pass. */
export function skeletonAndVowels(text: string): { skeleton: string; vowels: string } {
  const skeleton = walk(text, true);
  return { skeleton, vowels: pattern };
}

/**
 * Where a word's vowels sit around its skeleton: one digit per consonant of the skeleton, 1
 * when a vowel comes before it (since the previous one), and a last digit for a final vowel.
 * `silva` gives 0101 and `slava` 0011 (skeleton `slv` both): the vowels moved, so these are
 * different words; `bakr` 0100 and `bakar` 0110 differ by one short vowel, a spelling habit.
 */
export function vowelPatternOf(text: string): string {
  walk(text, true);
  return pattern;
}

// The walk's state, module-level so that no closure is made per word (skeletons are computed
// for every new word of every name).
let pattern = '';
let out = '';
let last = '';
let sawVowel = false;
let withPattern = false;

function emit(ch: string): void {
  if (ch !== last) {
    out += ch;
    last = ch;
    if (withPattern) pattern += sawVowel ? '1' : '0';
    sawVowel = false;
  }
}

function vowel(): void {
  last = '';
  sawVowel = true;
}

function walk(text: string, patterned: boolean): string {
  const t = stripCompoundArticle(text);
  const n = t.length;
  out = '';
  last = '';
  sawVowel = false;
  pattern = '';
  withPattern = patterned;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    const n1 = i + 1 < n ? t.charCodeAt(i + 1) : 0;
    const n2 = i + 2 < n ? t.charCodeAt(i + 2) : 0;
    switch (c) {
      case 0x6f: // o; French `ou` before a vowel is w (Ouali, Zarkaoui = Zarqawi, Aouadi)
        if (n1 === 0x75 && isVowelCode(n2) && n2 !== 0x79 && (i === 0 || t.charCodeAt(i - 1) === 0x61)) {
          emit('v');
          i++;
        } else vowel();
        break;
      case 0x61: // a
      case 0x65: // e
      case 0x75: // u
        vowel();
        break;
      case 0x69: // i: a consonant only before a vowel at the start (Iousouf = Yusuf)
        if (i === 0 && (n1 === 0x61 || n1 === 0x6f || n1 === 0x75)) emit('j');
        else vowel();
        break;
      case 0x79: // y: a consonant at the start (Yusuf, and Arabic-script yqub), except before e/i
        if (i === 0 && n1 !== 0x65 && n1 !== 0x69 && n1 !== 0) emit('j');
        else vowel();
        break;
      case 0x6a: // j, jh
        emit('j');
        if (n1 === 0x68) i++;
        break;
      case 0x77: // w: a vowel in a diphthong before a consonant (Jawhar = Juhar, Dawlat = Dowlat);
        // but final -ow/-ew is the German and Polish spelling of Russian -ov/-ev (Iwanow = Ivanov)
        if (i > 0 && isVowelCode(t.charCodeAt(i - 1)) && !isVowelCode(n1) && !(n1 === 0 && (t.charCodeAt(i - 1) === 0x6f || t.charCodeAt(i - 1) === 0x65))) {
          vowel();
          break;
        }
        emit('v');
        if (i === 0 && n1 === 0x68) i++; // English wh (Wheeler)
        break;
      case 0x76: // v
        emit('v');
        break;
      case 0x62: // b, bh
        emit('b');
        if (n1 === 0x68) i++;
        break;
      case 0x70: // p, ph
        if (n1 === 0x68) {
          emit('f');
          i++;
        } else emit('p');
        break;
      case 0x66:
        emit('f');
        break;
      case 0x64: // d, dh, dj, dzh, dsch (not dz: Ahmadzai, Akhundzada join two words)
        if (n1 === 0x6a) {
          emit('j');
          i++;
        } else if (n1 === 0x7a && n2 === 0x68) {
          emit('j');
          i += 2;
        } else if (n1 === 0x73 && n2 === 0x63 && i + 3 < n && t.charCodeAt(i + 3) === 0x68) {
          emit('j');
          i += 3;
        } else if (n1 === 0x68) {
          emit('d');
          i++;
        } else emit('d');
        break;
      case 0x74: // t, th, ts, tz, tch, tsh, tsch
        if (n1 === 0x73) {
          emit('s');
          i += n2 === 0x63 && i + 3 < n && t.charCodeAt(i + 3) === 0x68 ? 3 : n2 === 0x68 ? 2 : 1;
        } else if (n1 === 0x63 && n2 === 0x68) {
          emit('s');
          i += 2;
        } else if (n1 === 0x7a) {
          emit('s');
          i++;
        } else if (n1 === 0x68) {
          emit('t');
          i++;
        } else emit('t');
        break;
      case 0x73: // s, sh, sch, sz
        emit('s');
        if (n1 === 0x63 && n2 === 0x68) i += 2;
        else if (n1 === 0x68 || n1 === 0x7a) i++;
        break;
      case 0x7a: // z, zh
        if (n1 === 0x68) {
          emit('j');
          i++;
        } else emit('s');
        break;
      case 0x63: // c, ch, ck, cz
        if (n1 === 0x68 || n1 === 0x7a) {
          emit('s');
          i++;
        } else if (n1 === 0x6b) {
          emit('k');
          i++;
        } else if (n1 === 0x65 || n1 === 0x69 || n1 === 0x79) emit('s');
        else if (n1 === 0 && i >= 3 && t.charCodeAt(i - 1) === 0x69 && t.charCodeAt(i - 2) === 0x76) emit('s'); // -vić = -vich
        else emit('k');
        break;
      case 0x6b: // k, kh
        if (n1 === 0x68) {
          emit('h');
          i++;
        } else emit('k');
        break;
      case 0x71: // q
        emit('k');
        break;
      case 0x67: // g, gh; g before e/i/y is j (George = Jurj = Dzhordzh, Gihad = Jihad)
        if (n1 === 0x68) {
          emit('g');
          i++;
        } else emit(n1 === 0x65 || n1 === 0x69 || n1 === 0x79 ? 'j' : 'g');
        break;
      case 0x78: // x
        emit('k');
        emit('s');
        break;
      case 0x68: // h: silent at the end after a (Abdullah, Hamzah); Saleh, Nuh keep theirs
        if (i === n - 1 && i > 0 && t.charCodeAt(i - 1) === 0x61) break;
        emit('h');
        break;
      default:
        emit(t[i] ?? '');
    }
  }
  if (withPattern) pattern += sawVowel ? '1' : '0';
  return out === '' ? text : out;
}

const PLAIN_VOWEL = /[aeiou]/;

function normaliseVowels(group: string): string {
  if (group.length <= 1) return group === 'y' ? 'i' : group === 'o' ? 'u' : group;
  let g = group.replace(/ee/g, 'i').replace(/y/g, 'i').replace(/o/g, 'u');
  let out = '';
  for (let i = 0; i < g.length; i++) if (g[i] !== g[i - 1]) out += g[i];
  g = out;
  return /[ae]i/.test(g) ? 'ay' : g;
}

/**
 * The vowels of a folded word between its consonant runs, normalised across romanisations
 * (ee = i, oo = ou = o = u, y inside a word = i, ai = ay = ei = ey, doubled letters once), after
 * its first sound (a vowel, or the first consonant with kh = h and q = k): `zayn` and `zein` give
 * `z|ay|`, `noor` and `nur` `n|u|`, `ameen` and `amin` `Va|i|`. Two words with one two-letter
 * skeleton and one vowel key are spellings of one short name (Zayn = Zein, Haq = Khak), where a
 * skeleton alone would also join different names (Chen, Shan, Sun are all `sn`).
 */
export function vowelKey(text: string): string {
  const n = text.length;
  const c0 = text.charCodeAt(0);
  const first = isVowelCode(c0) && !(c0 === 0x79 && n > 1 && isVowelCode(text.charCodeAt(1)))
    ? 'V'
    : text.startsWith('kh') ? 'h' : text[0] === 'q' ? 'k' : (text[0] ?? '');
  let key = first;
  let group = '';
  let inVowels = true;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const vowel = PLAIN_VOWEL.test(text[i] ?? '') || (c === 0x79 && !(i === 0 && isVowelCode(text.charCodeAt(i + 1))));
    if (vowel) {
      group += text[i];
      inVowels = true;
    } else if (inVowels) {
      key += `${normaliseVowels(group)}|`;
      group = '';
      inVowels = false;
    }
  }
  return key + normaliseVowels(group);
}
