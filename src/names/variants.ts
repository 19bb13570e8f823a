import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The variant dictionary: equivalence classes of name spellings across romanisations and
 * scripts, generated from Wikidata by `scripts/build-name-variants.ts` into
 * `generated/name-variants.json`. Loaded lazily, once, on the first look-up.
 */

/** The generated file's shape. */
export interface VariantFile {
  readonly generator: string;
  readonly sources: readonly string[];
  readonly licence: string;
  /** Content hash of `classes`: stored keys built with another version must be rebuilt. */
  readonly version: string;
  /**
   * One string per class: members separated by single spaces, Latin spellings first (most
   * frequent first), then native spellings keyed by `nativeKey`. A class id is its index.
   */
  readonly classes: readonly string[];
}

interface VariantIndex {
  readonly version: string;
  readonly classes: readonly string[];
  /** Member -> its class id, or its ids when it belongs to several classes. */
  readonly byMember: Map<string, number | number[]>;
}

let loaded: VariantIndex | undefined;

const EMPTY: VariantIndex = { version: 'none', classes: [], byMember: new Map() };

/**
 * Where the generated file is: beside this module when running from source; from the compiled
 * `dist/names/`, the source tree's copy (tsc does not copy JSON it is not asked to import).
 */
function variantFilePath(): string | undefined {
  const candidates = [
    new URL('./generated/name-variants.json', import.meta.url),
    new URL('../../src/names/generated/name-variants.json', import.meta.url),
  ];
  for (const url of candidates) {
    const path = fileURLToPath(url);
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** Indexes members by scanning the class strings (no intermediate arrays: ~20 ms for 70k members). */
function parse(file: VariantFile): VariantIndex {
  const byMember = new Map<string, number | number[]>();
  const classes = file.classes;
  for (let id = 0; id < classes.length; id++) {
    const line = classes[id] ?? '';
    let start = 0;
    while (start < line.length) {
      let end = line.indexOf(' ', start);
      if (end < 0) end = line.length;
      const member = line.slice(start, end);
      const ids = byMember.get(member);
      if (ids === undefined) byMember.set(member, id);
      else if (typeof ids === 'number') {
        if (ids !== id) byMember.set(member, [ids, id]);
      } else if (ids[ids.length - 1] !== id) ids.push(id);
      start = end + 1;
    }
  }
  // Id arrays are shared by every token that looks them up: freeze them against a careless caller.
  for (const ids of byMember.values()) if (typeof ids !== 'number') Object.freeze(ids);
  return { version: file.version, classes, byMember };
}

function index(): VariantIndex {
  if (loaded !== undefined) return loaded;
  const path = variantFilePath();
  // A missing file is legitimate only while the generator itself runs (it analyses names
  // before the file exists); everywhere else the committed file is present.
  loaded = path === undefined ? EMPTY : parse(JSON.parse(readFileSync(path, 'utf8')) as VariantFile);
  return loaded;
}

/** One-element id arrays, shared: most members belong to one class. */
const singles: (readonly number[])[] = [];

/** Class ids of a folded Latin token or a native key (see `nativeKey`); undefined when none. */
export function lookupVariants(member: string): readonly number[] | undefined {
  const ids = index().byMember.get(member);
  if (ids === undefined || typeof ids !== 'number') return ids;
  let single = singles[ids];
  if (single === undefined) {
    single = Object.freeze([ids]);
    singles[ids] = single;
  }
  return single;
}

/** Members of a class, most frequent Latin spelling first; empty for an unknown id. */
export function variantClassMembers(id: number): readonly string[] {
  const line = index().classes[id];
  return line === undefined ? [] : line.split(' ');
}

/** Version of the loaded dictionary (`none` when it is absent). */
export function variantsVersion(): string {
  return index().version;
}

/** Forgets the loaded dictionary; the generator calls it after writing a new one. */
export function reloadVariants(): void {
  loaded = undefined;
}
