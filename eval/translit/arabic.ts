import { distance } from 'fastest-levenshtein';
import { ARABIC_LATIN_VARIANT_GROUPS } from '../datasets/data/arabic-latin-variants.js';
import type { Rng } from '../prng.js';
import type { TranslitTable } from './wikidata.js';

/**
 * Spellings of Arabic-origin names, for the evaluation only: Latin re-spellings (real-world
 * variant groups plus the orthographic habits of English, French, Turkish and Persian
 * romanisation), Arabic-script renderings of Latin names through the Wikidata table, and the
 * ways one Arabic-script name is written differently (hamza, ta marbuta, Persian letters...).
 */

const GROUP_OF = new Map<string, readonly string[]>();
for (const group of ARABIC_LATIN_VARIANT_GROUPS) {
  const unique = [...new Set(group)];
  for (const member of unique) if (!GROUP_OF.has(member)) GROUP_OF.set(member, unique);
}

/** Other real-world spellings of a lower-case token or two-word unit ("abd al"), if known. */
export function knownVariants(unit: string): readonly string[] {
  return (GROUP_OF.get(unit) ?? []).filter((v) => v !== unit);
}

/**
 * Variants close enough in spelling to stand in for a part a transliteration table lacks
 * (Mohammed for Muhammad, not a distant form): at most two edits.
 */
export function closeVariants(unit: string): readonly string[] {
  return knownVariants(unit).filter((v) => distance(v, unit) <= 2);
}

export function isKnownArabicNamePart(token: string): boolean {
  return GROUP_OF.has(token);
}

/** Lower-case words, hyphens and apostrophes split like spaces ("AL-QA'IDA" -> al, qa, ida is avoided: ' is dropped). */
export function latinWords(name: string): string[] {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’`ʼʻ]/g, '')
    .split(/[\s\-,.()]+/)
    .filter((w) => w !== '');
}

const ARTICLES = new Set(['al', 'el', 'ul', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'an', 'ath', 'adh']);
const SUN_LETTER_PREFIX = /^(th|dh|sh|t|d|r|z|s|n|l)/;

/** Writes "al" before `next` in one of the forms the article really takes. */
function articleForm(next: string, rng: Rng): string {
  const sun = SUN_LETTER_PREFIX.exec(next);
  const forms = ['al-', 'al ', 'el-', 'el ', 'al', ''];
  if (sun !== null) forms.push(`a${sun[1]!}-`, `e${sun[1]!}-`);
  return rng.pick(forms);
}

/** Orthographic re-spellings of one token; each returns undefined when it does not apply. */
const TOKEN_RULES: ReadonlyArray<(w: string, rng: Rng) => string | undefined> = [
  (w) => (w.includes('ou') ? w.replace('ou', 'u') : undefined),
  (w) => (/[^aeio]u/.test(w) ? w.replace(/([^aeio])u/, '$1ou') : undefined),
  (w) => (w.includes('oo') ? w.replace('oo', 'u') : undefined),
  (w) => (w.includes('ee') ? w.replace('ee', 'i') : undefined),
  (w) => (w.includes('aa') ? w.replace('aa', 'a') : undefined),
  (w) => (/kh/.test(w) ? w.replace('kh', 'h') : undefined),
  (w) => (/q/.test(w) ? w.replace('q', 'k') : undefined),
  (w) => (/q/.test(w) ? w.replace('q', 'g') : undefined),
  (w) => (/dh/.test(w) ? w.replace('dh', 'd') : undefined),
  (w) => (/dh/.test(w) ? w.replace('dh', 'z') : undefined),
  (w) => (/gh/.test(w) ? w.replace('gh', 'g') : undefined),
  (w) => (/th/.test(w) ? w.replace('th', 't') : undefined),
  (w) => (/^j/.test(w) ? w.replace(/^j/, 'dj') : undefined),
  (w) => (/sh/.test(w) ? w.replace('sh', 'ch') : undefined),
  (w) => (/^w[aeiou]/.test(w) ? w.replace(/^w/, 'ou') : undefined),
  (w) => (/ya$/.test(w) ? w.replace(/ya$/, 'ia') : undefined),
  (w) => (/ay/.test(w) ? w.replace('ay', 'ai') : undefined),
  (w) => (/ai/.test(w) ? w.replace('ai', 'ay') : undefined),
  (w) => (/ei/.test(w) ? w.replace('ei', 'ay') : undefined),
  // Vowel qualities Arabic does not write, where romanisations really differ: a/e in the last
  // syllable (Ahmad/Ahmed), u/o and i/e in the first (Muhammad/Mohammad, Ibrahim/Ebrahim).
  (w) => swapVowel(w, 'a', 'e', 'last'),
  (w) => swapVowel(w, 'e', 'a', 'last'),
  (w) => swapVowel(w, 'u', 'o', 'first'),
  (w) => swapVowel(w, 'o', 'u', 'first'),
  (w) => swapVowel(w, 'i', 'e', 'first'),
  // Gemination written or not.
  (w) => (/([bdfjklmnrstz])\1/.test(w) ? w.replace(/([bdfjklmnrstz])\1/, '$1') : undefined),
  (w, rng) => doubleOneConsonant(w, rng),
  // A long vowel written double, or an unwritten short vowel dropped.
  // A long vowel written double.
  (w) => (/[^aeiou][i][^aeiou]/.test(w.slice(1)) ? w.replace(/(.[^aeiou])i([^aeiou])/, '$1ee$2') : undefined),
];

function swapVowel(w: string, from: string, to: string, which: 'first' | 'last'): string | undefined {
  const vowels: number[] = [];
  for (let i = 0; i < w.length; i++) if ('aeiou'.includes(w[i]!)) vowels.push(i);
  const at = which === 'first' ? vowels[0] : vowels[vowels.length - 1];
  if (at === undefined || w[at] !== from) return undefined;
  // Next to another vowel it would make a diphthong or a doubled vowel nobody writes (ould -> uuld).
  if ('aeiou'.includes(w[at - 1] ?? '') || 'aeiou'.includes(w[at + 1] ?? '')) return undefined;
  return w.slice(0, at) + to + w.slice(at + 1);
}

function doubleOneConsonant(w: string, rng: Rng): string | undefined {
  const positions: number[] = [];
  for (let i = 1; i < w.length - 1; i++) {
    if (/[bdjklmnrstz]/.test(w[i]!) && /[aeiou]/.test(w[i - 1]!) && /[aeiou]/.test(w[i + 1]!)) positions.push(i);
  }
  if (positions.length === 0) return undefined;
  const at = rng.pick(positions);
  return w.slice(0, at) + w[at]! + w.slice(at);
}

export interface Respelling {
  text: string;
  /** What was done, for the report ("variant:muhammad>mohamed", "rule", "article"...). */
  steps: string[];
}

/**
 * Re-spells a Latin Arabic-origin name: 1-3 changes drawn from real-world variants of its
 * parts, article forms and orthographic rules. Returns undefined when nothing applied.
 */
export function respellArabicLatin(name: string, rng: Rng): Respelling | undefined {
  const words = latinWords(name);
  if (words.length === 0) return undefined;
  const steps: string[] = [];
  const wanted = 1 + rng.int(3);
  let out = words.slice();
  // A word is changed once: chained changes drift into spellings nobody writes.
  const touched = new Set<string>();
  for (let attempt = 0; attempt < 12 && steps.length < wanted; attempt++) {
    const roll = rng.next();
    if (roll < 0.45) {
      // A known variant for a one- or two-word unit.
      const units: { at: number; len: number; variants: readonly string[] }[] = [];
      for (let i = 0; i < out.length; i++) {
        if (touched.has(out[i]!)) continue;
        const one = knownVariants(out[i]!);
        if (one.length > 0) units.push({ at: i, len: 1, variants: one });
        if (i + 1 < out.length) {
          const two = knownVariants(`${out[i]!} ${out[i + 1]!}`);
          if (two.length > 0) units.push({ at: i, len: 2, variants: two });
        }
      }
      if (units.length === 0) continue;
      const unit = rng.pick(units);
      const replacement = rng.pick(unit.variants);
      steps.push(`variant:${out.slice(unit.at, unit.at + unit.len).join(' ')}>${replacement}`);
      for (const w of replacement.split(' ')) touched.add(w);
      out = [...out.slice(0, unit.at), ...replacement.split(' '), ...out.slice(unit.at + unit.len)];
    } else if (roll < 0.65) {
      // The article: al-X, el-X, ar-Rahman, alX, or dropped.
      const at = out.findIndex((w, i) => ARTICLES.has(w) && i + 1 < out.length);
      if (at < 0) continue;
      const form = articleForm(out[at + 1]!, rng);
      steps.push(`article:${form.trim() || 'dropped'}`);
      const merged = `${form}${out[at + 1]!}`;
      out = [...out.slice(0, at), ...merged.split(' '), ...out.slice(at + 2)];
    } else {
      const candidates = out.map((w, i) => ({ w, i })).filter(({ w }) => w.length >= 4 && !ARTICLES.has(w) && !touched.has(w));
      if (candidates.length === 0) continue;
      const { w, i } = rng.pick(candidates);
      const rules = rng.shuffle(TOKEN_RULES);
      for (const rule of rules) {
        const changed = rule(w, rng);
        if (changed !== undefined && changed !== w && changed.length >= 2) {
          steps.push(`rule:${w}>${changed}`);
          out[i] = changed;
          touched.add(changed);
          break;
        }
      }
    }
  }
  if (steps.length === 0 || out.join(' ') === words.join(' ')) return undefined;
  return { text: out.join(' ').replace(/- /g, '-'), steps };
}

// ---------------------------------------------------------------------------------------------
// Arabic script

const PARTICLES_AR: Record<string, string> = {
  bin: 'بن', ben: 'بن', ibn: 'بن', bint: 'بنت', abu: 'أبو', abou: 'أبو', abo: 'أبو', umm: 'أم', um: 'أم',
  abd: 'عبد', abdul: 'عبد ال', abdel: 'عبد ال', abdal: 'عبد ال', allah: 'الله', ullah: 'الله',
  din: 'الدين', deen: 'الدين', uddin: 'الدين', eddine: 'الدين',
};

/** Latin letters a word written with this Arabic letter may start with. */
const FIRST_LETTERS: Record<string, string> = {
  ا: 'aeiou', أ: 'aeiou', إ: 'aeiou', آ: 'aeiou', ع: 'aeiou', ب: 'bp', پ: 'p', ت: 't', ط: 't', ث: 'ts',
  ج: 'jgd', چ: 'c', ح: 'h', خ: 'khg', د: 'd', ض: 'dz', ذ: 'dz', ظ: 'zd', ر: 'r', ز: 'z', ژ: 'jz', س: 's',
  ص: 's', ش: 'sc', غ: 'gr', ف: 'fpv', ق: 'qkg', ك: 'kc', ک: 'kc', گ: 'g', ل: 'l', م: 'm', ن: 'n', ه: 'h',
  و: 'wouv', ي: 'yieja', ی: 'yieja',
};

/**
 * The table's rendering of a word, unless it cannot be that word: some rows are misaligned
 * (a given name paired with a family name), and a first letter that does not fit betrays them.
 */
function plausibleArabic(latin: string, table: TranslitTable): string | undefined {
  const native = table.toNative(latin);
  if (native === undefined) return undefined;
  const first = native.startsWith('ال') && native.length > 2 ? native.charAt(2) : native.charAt(0);
  const allowed = FIRST_LETTERS[first];
  return allowed === undefined || allowed.includes(latin.charAt(0)) ? native : undefined;
}

/**
 * Renders a Latin name in Arabic script through the Wikidata table, trying the real-world
 * variants of a part the table lacks (Muhammad -> محمد through Mohamed). Undefined unless every
 * part is covered, so a rendering is never half-guessed.
 */
export function renderArabicScript(name: string, table: TranslitTable): string | undefined {
  const words = latinWords(name);
  const out: string[] = [];
  let article = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (ARTICLES.has(w) && i + 1 < words.length) {
      article = true;
      continue;
    }
    let native: string | undefined;
    const particle = PARTICLES_AR[w];
    if (particle !== undefined && !article) {
      // "abdul rahman" -> عبد الرحمن: the article joins the next word.
      if (particle.endsWith(' ال')) {
        out.push('عبد');
        article = true;
        continue;
      }
      native = particle;
    } else {
      const bare = w.startsWith('al') && w.length > 4 && table.toNative(w) === undefined ? w.slice(2) : w;
      if (bare !== w) article = true;
      native = plausibleArabic(bare, table) ?? closeVariants(bare).map((v) => plausibleArabic(v, table)).find((x) => x !== undefined);
    }
    if (native === undefined) return undefined;
    if (article && !native.startsWith('ال')) native = `ال${native}`;
    article = false;
    out.push(native);
  }
  if (out.length === 0) return undefined;
  return out.join(' ');
}

/** Ways one Arabic-script name is written differently; each returns undefined when it does not apply. */
const ARABIC_SCRIPT_RULES: ReadonlyArray<readonly [string, (s: string, rng: Rng) => string | undefined]> = [
  ['hamza-dropped', (s) => (/[أإآ]/.test(s) ? s.replace(/[أإآ]/g, 'ا') : undefined)],
  ['hamza-added', (s) => (/(^|\s)ا(?!ل)/.test(s) ? s.replace(/(^|\s)ا(?!ل)/, '$1أ') : undefined)],
  ['ta-marbuta', (s) => (/ة(\s|$)/.test(s) ? s.replace(/ة(\s|$)/, 'ه$1') : undefined)],
  ['alef-maqsura', (s) => (/ى(\s|$)/.test(s) ? s.replace(/ى(\s|$)/, 'ي$1') : undefined)],
  ['final-ya', (s) => (/ي(\s|$)/.test(s) ? s.replace(/ي(\s|$)/, 'ى$1') : undefined)],
  ['abd-joined', (s) => (/عبد ال/.test(s) ? s.replace(/عبد ال/, 'عبدال') : undefined)],
  ['abd-split', (s) => (/عبدال/.test(s) ? s.replace(/عبدال/, 'عبد ال') : undefined)],
  ['persian-letters', (s) => (/[يك]/.test(s) ? s.replace(/ي/g, 'ی').replace(/ك/g, 'ک') : undefined)],
  [
    'article-dropped',
    (s, rng) => {
      const words = s.split(' ');
      const at = words.map((w, i) => ({ w, i })).filter(({ w, i }) => i > 0 && w.startsWith('ال') && w.length > 4);
      if (at.length === 0) return undefined;
      const { i } = rng.pick(at);
      words[i] = words[i]!.slice(2);
      return words.join(' ');
    },
  ],
  [
    'part-dropped',
    (s, rng) => {
      const words = s.split(' ');
      if (words.length < 4) return undefined;
      const i = 1 + rng.int(words.length - 2);
      if (words[i] === 'عبد' || words[i - 1] === 'عبد' || words[i] === 'بن' || words[i] === 'أبو') return undefined;
      return [...words.slice(0, i), ...words.slice(i + 1)].join(' ');
    },
  ],
  // Vowel marks are rare on documents and fold away; alone they would test nothing.
];

/** One to two orthographic changes to an Arabic-script name. */
export function respellArabicScript(text: string, rng: Rng): Respelling | undefined {
  const wanted = 1 + rng.int(2);
  let out = text;
  const steps: string[] = [];
  for (const [label, rule] of rng.shuffle(ARABIC_SCRIPT_RULES)) {
    if (steps.length >= wanted) break;
    const changed = rule(out, rng);
    if (changed === undefined || changed === out) continue;
    out = changed;
    steps.push(label);
  }
  return steps.length === 0 ? undefined : { text: out, steps };
}
