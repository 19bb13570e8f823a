import type { Rng } from '../prng.js';

/**
 * The clerical changes a name and a date suffer between a list and a travel document:
 * keyboard typos, initials, dropped or added middle names, swapped day and month.
 */

const QWERTY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Keys next to each letter on a QWERTY keyboard (same row and the rows above and below). */
export const KEYBOARD_NEIGHBOURS: Readonly<Record<string, string>> = (() => {
  const pos = new Map<string, [number, number]>();
  QWERTY_ROWS.forEach((row, r) => [...row].forEach((c, i) => pos.set(c, [r, i])));
  const out: Record<string, string> = {};
  for (const [c, [r, i]] of pos) {
    let near = '';
    for (const [d, [r2, i2]] of pos) {
      if (d === c) continue;
      // Rows are staggered by about half a key, so a neighbour above or below is at i or i±1.
      if ((r2 === r && Math.abs(i2 - i) === 1) || (Math.abs(r2 - r) === 1 && (i2 === i || i2 === i + (r2 < r ? 1 : -1)))) {
        near += d;
      }
    }
    out[c] = near;
  }
  return out;
})();

export type TypoKind = 'substitution' | 'transposition' | 'deletion';

/** One keyboard typo in a lower- or upper-case Latin word of 5+ letters; undefined if none applies. */
export function typo(word: string, kind: TypoKind, rng: Rng): string | undefined {
  if (word.length < 5 || !/^\p{Script=Latin}+$/u.test(word)) return undefined;
  // Typists rarely get the first letter wrong; keep it, as most studies of name typos find.
  const at = 1 + rng.int(word.length - 1);
  const c = word[at]!;
  switch (kind) {
    case 'substitution': {
      const lower = c.toLowerCase();
      const near = KEYBOARD_NEIGHBOURS[lower];
      if (near === undefined || near === '') return undefined;
      const sub = near[rng.int(near.length)]!;
      return word.slice(0, at) + (c === lower ? sub : sub.toUpperCase()) + word.slice(at + 1);
    }
    case 'transposition': {
      if (at >= word.length - 1 || word[at] === word[at + 1]) return undefined;
      return word.slice(0, at) + word[at + 1]! + word[at]! + word.slice(at + 2);
    }
    case 'deletion':
      return word.slice(0, at) + word.slice(at + 1);
  }
}

/** 1-2 typos on the longer words of a name (words of 5+ letters). */
export function withTypos(words: readonly string[], rng: Rng): { words: string[]; steps: string[] } | undefined {
  const out = words.slice();
  const count = rng.chance(0.35) ? 2 : 1;
  const steps: string[] = [];
  const kinds: TypoKind[] = ['substitution', 'transposition', 'deletion'];
  const hit = new Set<number>();
  for (let attempt = 0; attempt < 10 && steps.length < count; attempt++) {
    // A second typo goes to another word, unless the word is long enough (9+) to carry two.
    const candidates = out.map((w, i) => ({ w, i })).filter(({ w, i }) => w.length >= 5 && (!hit.has(i) || w.length >= 9));
    if (candidates.length === 0) return undefined;
    const { w, i } = rng.pick(candidates);
    const kind = rng.pick(kinds);
    const changed = typo(w, kind, rng);
    if (changed === undefined || changed === w) continue;
    out[i] = changed;
    hit.add(i);
    steps.push(kind);
  }
  return steps.length === 0 ? undefined : { words: out, steps };
}

/** Particles that belong to the next word: "Abdul Qadeer" is one name, "Abdul" alone is none. */
const BOUND_PREFIXES = new Set(['abd', 'abdul', 'abdel', 'abdal', 'abu', 'abou', 'bin', 'ben', 'ibn', 'bint', 'al', 'el', 'ul', 'umm', 'ould', 'wuld', 'de', 'del', 'da', 'van', 'von']);

/** Given names grouped into units: a bound particle goes with the word after it. */
export function nameUnits(words: readonly string[]): string[][] {
  const units: string[][] = [];
  let pending: string[] = [];
  for (const w of words) {
    pending.push(w);
    if (BOUND_PREFIXES.has(w.toLowerCase().replace(/[-']/g, ''))) continue;
    units.push(pending);
    pending = [];
  }
  if (pending.length > 0) units.push(pending);
  return units;
}

/** "Ivan Ivanovich Shchukin" -> "Ivan I. Shchukin": middle names (units) as initials. */
export function middleInitials(given: readonly string[], rng: Rng): string[] | undefined {
  const units = nameUnits(given);
  if (units.length < 2) return undefined;
  const withDot = rng.chance(0.6);
  // The initial is the name's, not its particle's: "Ben Rebai" -> "R.".
  return [...units[0]!, ...units.slice(1).map((u) => `${u[u.length - 1]!.charAt(0).toUpperCase()}${withDot ? '.' : ''}`)];
}

export type DobMode = 'none' | 'exact' | 'day-month-swapped' | 'year-off-by-one';

export interface DobChoice {
  mode: DobMode;
  value?: string;
}

/**
 * The date of birth a document gives for a listed person: the list's own (to the precision the
 * list has), sometimes with day and month swapped (US vs European order) or the year off by one.
 */
export function documentBirthDate(listed: string | undefined, rng: Rng, pWith: number): DobChoice {
  if (listed === undefined || !rng.chance(pWith)) return { mode: 'none' };
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(listed);
  const roll = rng.next();
  if (m !== null && roll < 0.12 && Number(m[3]) <= 12 && m[2] !== m[3]) {
    return { mode: 'day-month-swapped', value: `${m[1]!}-${m[3]!}-${m[2]!}` };
  }
  if (roll > 0.9) {
    const year = Number(listed.slice(0, 4)) + (rng.chance(0.5) ? 1 : -1);
    return { mode: 'year-off-by-one', value: `${year}${listed.slice(4)}` };
  }
  return { mode: 'exact', value: listed };
}

/** A random date of birth for a traveller aged 18-85 on `today`. */
export function randomBirthDate(rng: Rng, today = new Date('2026-01-01T00:00:00Z')): string {
  const start = today.getTime() - 85 * 365.25 * 86400_000;
  const end = today.getTime() - 18 * 365.25 * 86400_000;
  const t = start + rng.next() * (end - start);
  return new Date(t).toISOString().slice(0, 10);
}

/** Title case for a word of a name written in capitals by the list. */
export function titleCase(word: string): string {
  return word
    .toLowerCase()
    .replace(/(^|[\s\-'])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}
