/**
 * Builds src/names/generated/name-variants.json, the variant dictionary of src/names.
 *
 *   npx tsx scripts/build-name-variants.ts [--check]
 *
 * Reads the Wikidata name-token pairs in ../shared/data/translit (CC0: Latin spelling, native
 * spelling with spaces between characters, count) and the hand-curated seeds, and clusters
 * spellings: Latin spellings that share a native spelling, and native spellings (of any script)
 * that share a Latin spelling, form one class. To keep noise from chaining unrelated names:
 * - a pair counts only if it is plausible: its Latin skeleton is close to the skeleton of our
 *   own transliteration of the native spelling (closer for rare pairs than for frequent ones);
 * - pairs are merged strongest first, and a class stops growing at MAX_CLASS members;
 * - each seed class is a guard: two seed classes are never merged through data;
 * - classes that add nothing to skeleton matching (all members share one skeleton) are dropped.
 * The script fails if known different names end up in one class (ali/ahmed, george/habash).
 * `--check` builds without writing and fails if the committed file differs.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distance } from 'fastest-levenshtein';
import { CharKind, charKind, letterScript } from '../src/names/char-class.js';
import { CHINESE_SURNAMES, KOREAN_SURNAMES } from '../src/names/cjk-surnames.js';
import { foldLatinWord } from '../src/names/fold-latin.js';
import { nativeKey } from '../src/names/native-key.js';
import { isPersianate, romaniseText, type RomaniseContext } from '../src/names/romanise.js';
import { skeletonOf } from '../src/names/skeleton.js';
import type { Script } from '../src/names/types.js';
import { VARIANT_SEEDS } from '../src/names/variant-seeds.js';
import type { VariantFile } from '../src/names/variants.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, '..', 'shared', 'data', 'translit');
const OUT = join(ROOT, 'src', 'names', 'generated', 'name-variants.json');

const SOURCES: readonly { file: string; script: Script }[] = [
  { file: 'wd_arabic_20', script: 'Arab' },
  { file: 'wd_russian_20', script: 'Cyrl' },
  { file: 'wd_hebrew_20', script: 'Hebr' },
  { file: 'wd_chinese_20', script: 'Hani' },
  { file: 'wd_korean_20', script: 'Hang' },
  { file: 'wd_katakana_20', script: 'Kana' },
];

const LOSSY: ReadonlySet<Script> = new Set(['Hani', 'Hang', 'Kana']);

/** A class stops growing here: real spelling classes are smaller, chains of noise are not. */
const MAX_CLASS = 40;

/** Pairs that must never share a class; the build fails if they do. */
const MUST_DIFFER: readonly [string, string][] = [
  ['ali', 'ahmed'],
  ['george', 'habash'],
  ['muhammad', 'ahmed'],
  ['hassan', 'hussein'],
  ['said', 'sayyid'],
  ['yusuf', 'joseph'],
  ['omar', 'amr'],
];
/** Pairs that must share a class; the build fails if they do not. */
const MUST_MEET: readonly [string, string][] = [
  ['muhammad', 'mohammed'],
  ['muhammad', 'محمد'],
  ['muhammad', 'мухаммад'],
  ['magomed', 'mohamed'],
  ['hussein', 'гусейн'],
  ['yusuf', 'jusuf'],
  ['zhang', 'cheung'],
  ['lee', 'rhee'],
];


function scriptOf(word: string): Script {
  for (const ch of word) {
    const cp = ch.codePointAt(0) ?? 0;
    if (charKind(cp) === CharKind.Letter) return letterScript(cp);
  }
  return 'Zyyy';
}

/** Romanises a native word as analysis does, all pieces joined (`البغدادي` -> `albghdadi`). */
function romanise(word: string): string {
  const ctx: RomaniseContext = { personLike: false, cyrillic: 'ru', persianate: isPersianate(word, undefined) };
  return romaniseText(word, ctx).join('');
}

/** Coarser skeleton for Han, Hangul and kana, which confuse l/r and voicing. */
function coarse(skeleton: string, script: Script): string {
  if (script !== 'Hani' && script !== 'Hang' && script !== 'Kana') return skeleton;
  return skeleton.replace(/[lptkfvj]/g, (c) => ({ l: 'r', p: 'b', t: 'd', k: 'g', f: 'h', v: 'b', j: 's' })[c] ?? c);
}

function plausible(latin: string, native: string, script: Script, count: number): boolean {
  const romanised = romanise(native);
  if (romanised === '') return false;
  const latinSkeletons = [skeletonOf(latin)];
  const nativeSkeletons = [skeletonOf(romanised)];
  if (script === 'Arab' && romanised.startsWith('al') && romanised.length > 4) {
    nativeSkeletons.push(skeletonOf(romanised.slice(2)));
    if (/^(?:al|el)/.test(latin) && latin.length > 4) latinSkeletons.push(skeletonOf(latin.slice(2)));
  }
  let best = Infinity;
  let length = 0;
  for (const a of latinSkeletons) {
    for (const b of nativeSkeletons) {
      const d = distance(coarse(a, script), coarse(b, script));
      if (d < best) {
        best = d;
        length = Math.max(a.length, b.length);
      }
    }
  }
  if (best === 0) return true;
  if (best === 1) return length >= 3 || count >= 10;
  if (best === 2) return (length >= 5 && count >= 2) || (length >= 3 && count >= 10);
  return count >= 20 && best <= Math.floor(length / 2);
}

// ------------------------------------------------------------------ union-find with guards

const keys: string[] = [];
const indexOf = new Map<string, number>();
const parent: number[] = [];
const size: number[] = [];
const label: number[] = [];
const counts: number[] = [];
/** Seed labels that data may not extend (Chinese and Korean surnames: their short Latin
 * spellings, such as Lew or Tan, are also other peoples' names). */
const closed = new Set<number>();

function node(key: string): number {
  let i = indexOf.get(key);
  if (i === undefined) {
    i = keys.length;
    keys.push(key);
    indexOf.set(key, i);
    parent.push(i);
    size.push(1);
    label.push(-1);
    counts.push(0);
  }
  return i;
}

function find(i: number): number {
  let r = i;
  while (parent[r] !== r) r = parent[r] ?? r;
  let c = i;
  while (parent[c] !== r) {
    const next = parent[c] ?? r;
    parent[c] = r;
    c = next;
  }
  return r;
}

/** Merges two classes unless that breaks a guard or the size cap. */
function union(a: number, b: number): boolean {
  const ra = find(a);
  const rb = find(b);
  if (ra === rb) return true;
  const la = label[ra] ?? -1;
  const lb = label[rb] ?? -1;
  if (la >= 0 && lb >= 0 && la !== lb) return false;
  if (closed.has(la) || closed.has(lb)) return false;
  if ((size[ra] ?? 0) + (size[rb] ?? 0) > MAX_CLASS) return false;
  parent[rb] = ra;
  size[ra] = (size[ra] ?? 0) + (size[rb] ?? 0);
  label[ra] = la >= 0 ? la : lb;
  return true;
}

function memberKey(word: string): { key: string; latin: boolean } | undefined {
  const script = scriptOf(word);
  if (script === 'Latn') {
    const key = foldLatinWord(word);
    return key === '' ? undefined : { key, latin: true };
  }
  if (script === 'Zyyy' || script === 'Other') return undefined;
  return { key: nativeKey(word.normalize('NFKC'), script), latin: false };
}

// ------------------------------------------------------------------ build

function build(): { file: VariantFile; stats: string[] } {
  const stats: string[] = [];
  const extra = new Map<number, Set<string>>(); // seed label -> members it shares with another seed
  const seedLabelRoot = new Map<number, number>();

  const seeds: string[][] = VARIANT_SEEDS.map((line) => line.split(/\s+/).filter((w) => w !== ''));
  for (const entry of CHINESE_SURNAMES) {
    closed.add(seeds.length);
    seeds.push([...(entry[0] ?? '')].concat(entry.slice(1)));
  }
  for (const entry of KOREAN_SURNAMES) {
    closed.add(seeds.length);
    seeds.push(entry.slice());
  }
  seeds.forEach((words, seedLabel) => {
    let anchor: number | undefined;
    for (const word of words) {
      const m = memberKey(word);
      if (m === undefined) continue;
      const i = node(m.key);
      counts[i] = Math.max(counts[i] ?? 0, 1_000_000 - seedLabel); // seeds list the usual spelling first
      const root = find(i);
      const owner = label[root] ?? -1;
      if (owner >= 0 && owner !== seedLabel) {
        const shared = extra.get(seedLabel) ?? new Set<string>();
        shared.add(m.key);
        extra.set(seedLabel, shared);
        continue;
      }
      if (anchor === undefined) {
        anchor = i;
        label[root] = seedLabel;
        seedLabelRoot.set(seedLabel, i);
      } else {
        const ra = find(anchor);
        const ri = find(i);
        if (ra !== ri) {
          parent[ri] = ra;
          size[ra] = (size[ra] ?? 0) + (size[ri] ?? 0);
          label[ra] = seedLabel;
        }
      }
    }
  });

  interface Pair {
    latin: string;
    native: string;
    stem: string | undefined;
    count: number;
    /** Han, Hangul and kana spell many Latin names alike (カー is Carr, Kerr and Kar): such a
     * native joins the class of each of its Latin spellings but never bridges two of them. */
    lossy: boolean;
  }
  const pairs: Pair[] = [];
  for (const source of SOURCES) {
    const path = join(DATA, source.file);
    const lines = readFileSync(path, 'utf8').split('\n');
    let read = 0;
    let accepted = 0;
    for (const line of lines) {
      const [latinRaw, nativeRaw, countRaw] = line.split('\t');
      if (latinRaw === undefined || nativeRaw === undefined || countRaw === undefined) continue;
      read++;
      const latin = foldLatinWord(latinRaw);
      const native = nativeRaw.replace(/ /g, '').normalize('NFKC');
      const count = Number.parseInt(countRaw, 10);
      if (latin.length < 2 || !/^[a-z]+$/.test(latin) || native === '' || !Number.isFinite(count)) continue;
      if (!plausible(latin, native, source.script, count)) continue;
      accepted++;
      const key = nativeKey(native, source.script);
      const stem = source.script === 'Arab' && key.startsWith('ال') && key.length > 4 ? key.slice(2) : undefined;
      pairs.push({ latin, native: key, stem, count, lossy: LOSSY.has(source.script) });
    }
    stats.push(`${source.file}: ${read} pairs read, ${accepted} plausible`);
  }
  pairs.sort((a, b) => b.count - a.count || (a.latin < b.latin ? -1 : a.latin > b.latin ? 1 : 0));
  let refused = 0;
  const attachments: { native: string; latin: number }[] = [];
  for (const p of pairs) {
    const l = node(p.latin);
    counts[l] = (counts[l] ?? 0) + p.count;
    if (p.lossy) {
      attachments.push({ native: p.native, latin: l });
      continue;
    }
    const n = node(p.native);
    counts[n] = (counts[n] ?? 0) + p.count;
    if (!union(l, n)) refused++;
    if (p.stem !== undefined) union(n, node(p.stem));
  }
  stats.push(`${refused} pairs refused by a guard or the size cap`);

  // Collect classes.
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < keys.length; i++) {
    const r = find(i);
    const list = byRoot.get(r) ?? [];
    list.push(i);
    byRoot.set(r, list);
  }
  const attached = new Map<number, Set<string>>();
  for (const a of attachments) {
    const root = find(a.latin);
    const set = attached.get(root) ?? new Set<string>();
    set.add(a.native);
    attached.set(root, set);
  }
  const classes: string[] = [];
  let droppedSameSkeleton = 0;
  for (const [root, members] of byRoot) {
    const seedLabel = label[root] ?? -1;
    const all = new Set(members.map((i) => keys[i] ?? ''));
    for (const native of attached.get(root) ?? []) all.add(native);
    for (const shared of seedLabel >= 0 ? (extra.get(seedLabel) ?? []) : []) all.add(shared);
    if (all.size < 2) continue;
    if (seedLabel < 0) {
      const skeletons = new Set<string>();
      for (const key of all) skeletons.add(skeletonOf(/^[a-z0-9]+$/.test(key) ? key : romanise(key)));
      if (skeletons.size === 1) {
        droppedSameSkeleton++;
        continue;
      }
    }
    const ordered = [...all].sort((a, b) => {
      const latinA = /^[a-z0-9]+$/.test(a) ? 0 : 1;
      const latinB = /^[a-z0-9]+$/.test(b) ? 0 : 1;
      if (latinA !== latinB) return latinA - latinB;
      const c = (counts[indexOf.get(b) ?? -1] ?? 0) - (counts[indexOf.get(a) ?? -1] ?? 0);
      return c !== 0 ? c : a < b ? -1 : a > b ? 1 : 0;
    });
    classes.push(ordered.join(' '));
  }
  classes.sort();
  stats.push(`${classes.length} classes written, ${droppedSameSkeleton} dropped as adding nothing to skeletons`);
  const sizes = classes.map((c) => c.split(' ').length).sort((a, b) => b - a);
  stats.push(`members: ${sizes.reduce((a, b) => a + b, 0)}, largest classes: ${sizes.slice(0, 5).join(', ')}`);

  const version = createHash('sha256').update(classes.join('\n')).digest('hex').slice(0, 12);
  const file: VariantFile = {
    generator: 'scripts/build-name-variants.ts (npx tsx scripts/build-name-variants.ts); do not edit by hand',
    sources: [
      ...SOURCES.map((s) => `../shared/data/translit/${s.file} (Wikidata person-name tokens, CC0)`),
      'src/names/variant-seeds.ts and src/names/cjk-surnames.ts (hand-curated)',
    ],
    licence: 'CC0-1.0 (Wikidata); seeds Apache-2.0 with the project',
    version,
    classes,
  };
  return { file, stats };
}

function check(file: VariantFile): string[] {
  const byMember = new Map<string, Set<number>>();
  file.classes.forEach((c, id) => {
    for (const m of c.split(' ')) {
      const set = byMember.get(m) ?? new Set<number>();
      set.add(id);
      byMember.set(m, set);
    }
  });
  const share = (a: string, b: string): boolean => {
    const ka = memberKey(a)?.key ?? a;
    const kb = memberKey(b)?.key ?? b;
    const ia = byMember.get(ka) ?? new Set<number>();
    const ib = byMember.get(kb) ?? new Set<number>();
    return [...ia].some((id) => ib.has(id));
  };
  const problems: string[] = [];
  for (const [a, b] of MUST_DIFFER) if (share(a, b)) problems.push(`'${a}' and '${b}' share a class`);
  for (const [a, b] of MUST_MEET) if (!share(a, b)) problems.push(`'${a}' and '${b}' share no class`);
  return problems;
}

const checkOnly = process.argv.includes('--check');
const { file, stats } = build();
for (const line of stats) console.log(line);
const problems = check(file);
if (problems.length > 0) {
  for (const p of problems) console.error(`build-name-variants: ${p}`);
  process.exit(1);
}
const text = `${JSON.stringify(file, null, 0).replace(/","/g, '",\n"')}\n`;
if (checkOnly) {
  const current = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
  if (current !== text) {
    console.error('build-name-variants: the committed dictionary is out of date; run the script');
    process.exit(1);
  }
  console.log('build-name-variants: the committed dictionary is up to date');
} else {
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT} (${(text.length / 1024).toFixed(0)} KiB, version ${file.version})`);
}
