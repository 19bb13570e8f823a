import { readFileSync } from 'node:fs';

/**
 * The Wikidata person-name transliteration tables in ../shared/data/translit/: one line per
 * name token, `latin<TAB>native letters separated by spaces<TAB>count`. They are attested
 * renderings of real people's names, independent of Vigil's own tables.
 */
export interface TranslitTable {
  /** Native rendering of a lower-case Latin token, when the table has it. */
  toNative(latin: string): string | undefined;
  /** Latin spellings seen for a native token, most frequent first. */
  toLatin(native: string): string[];
  readonly size: number;
}

export function loadTranslitTable(path: string): TranslitTable {
  const forward = new Map<string, { native: string; count: number }>();
  const backward = new Map<string, { latin: string; count: number }[]>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [latinRaw, nativeRaw, countRaw] = line.split('\t');
    if (latinRaw === undefined || nativeRaw === undefined) continue;
    const latin = latinRaw.trim().toLowerCase();
    const native = nativeRaw.replace(/ /g, '');
    const count = Number(countRaw ?? '1') || 1;
    if (latin === '' || native === '') continue;
    const known = forward.get(latin);
    if (known === undefined || known.count < count) forward.set(latin, { native, count });
    const list = backward.get(native) ?? [];
    list.push({ latin, count });
    backward.set(native, list);
  }
  for (const list of backward.values()) list.sort((a, b) => b.count - a.count || (a.latin < b.latin ? -1 : 1));
  return {
    toNative: (latin) => forward.get(latin.toLowerCase())?.native,
    toLatin: (native) => (backward.get(native) ?? []).map((x) => x.latin),
    size: forward.size,
  };
}
