import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Entity, Subject } from '../src/domain/index.js';

const TRANSLIT = resolve(process.cwd(), '../shared/data/translit');

/** A small deterministic PRNG (mulberry32): the same seed gives the same synthetic list. */
export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface TokenPools {
  latin: string[];
  byScript: Array<{ script: string; tokens: string[] }>;
}

/** Name parts from the Wikidata transliteration tables, in Latin and in each native script. */
function loadPools(): TokenPools {
  const latin = new Set<string>();
  const byScript: Array<{ script: string; tokens: string[] }> = [];
  for (const [file, script] of [['wd_arabic_20', 'Arab'], ['wd_russian_20', 'Cyrl'], ['wd_chinese_20', 'Hani'], ['wd_hebrew_20', 'Hebr'], ['wd_korean_20', 'Hang'], ['wd_katakana_20', 'Kana']] as const) {
    const native = new Set<string>();
    for (const line of readFileSync(resolve(TRANSLIT, file), 'utf8').split('\n')) {
      const [latinToken, nativeSpaced] = line.split('\t');
      if (latinToken === undefined || nativeSpaced === undefined) continue;
      latin.add(latinToken);
      native.add(nativeSpaced.replace(/ /g, ''));
    }
    byScript.push({ script, tokens: [...native] });
  }
  return { latin: [...latin], byScript };
}

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Script mix of the synthetic list: mostly Latin, then Arabic and Cyrillic, then East Asian and Hebrew. */
const SCRIPT_SHARE: Array<[string, number]> = [['Latn', 0.6], ['Arab', 0.15], ['Cyrl', 0.15], ['Hani', 0.03], ['Hang', 0.03], ['Kana', 0.02], ['Hebr', 0.02]];

export function syntheticName(pools: TokenPools, random: () => number): string {
  let pick = random();
  let script = 'Latn';
  for (const [candidate, share] of SCRIPT_SHARE) {
    if (pick < share) {
      script = candidate;
      break;
    }
    pick -= share;
  }
  const parts = 2 + Math.floor(random() * 2);
  const pool = script === 'Latn' ? pools.latin : (pools.byScript.find((p) => p.script === script)?.tokens ?? pools.latin);
  const tokens = Array.from({ length: parts }, () => pool[Math.floor(random() * pool.length)] ?? 'x');
  if (script === 'Hani' || script === 'Kana') return tokens.join('');
  return (script === 'Latn' ? tokens.map(titleCase) : tokens).join(' ');
}

/** `count` synthetic listed persons across scripts, one name each, some with a birth date. */
export function syntheticEntities(count: number, seed = 1): Entity[] {
  const pools = loadPools();
  const random = rng(seed);
  const entities: Entity[] = [];
  for (let n = 0; n < count; n += 1) {
    const name = syntheticName(pools, random);
    const year = 1940 + Math.floor(random() * 60);
    entities.push({
      id: `synthetic:${n}`,
      source: 'synthetic',
      sourceId: String(n),
      schema: 'Person',
      caption: name,
      names: [{ full: name, kind: 'primary' }],
      birthDates: random() < 0.6 ? [{ kind: 'exact', date: String(year) }] : [],
      birthPlaces: [],
      nationalities: [],
      citizenships: [],
      documents: [],
      addresses: [],
      listings: [],
      relations: [],
      remarks: [],
      properties: {},
    });
  }
  return entities;
}

/** Travellers for the synthetic list: fresh names from the same pools, a few copied from the list. */
export function syntheticSubjects(count: number, listed: readonly Entity[], seed = 2): Subject[] {
  const pools = loadPools();
  const random = rng(seed);
  return Array.from({ length: count }, (_, n) => {
    const fromList = random() < 0.05 ? listed[Math.floor(random() * listed.length)] : undefined;
    return { id: `t${n}`, name: fromList?.caption ?? syntheticName(pools, random), birthDate: String(1940 + Math.floor(random() * 60)) };
  });
}
