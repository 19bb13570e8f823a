/**
 * A read-only multimap from 32-bit hashes to 32-bit values, held in three typed arrays so it
 * costs ~8 bytes a pair, builds in linear time and can be shared with worker threads as is.
 * Hash collisions are possible: callers verify what they get back.
 */

export interface HashMultimapData {
  /**
   * Open-addressing table of distinct keys, three numbers a slot side by side (one memory
   * access finds a key and its values): `[key, from, to]`, key 0 marking an empty slot (hashes
   * are never 0). A key with one value holds it in `from`, with `to` = `SINGLE` (most deletion
   * keys: no second access); else its values are `values[from] .. values[to - 1]`.
   */
  readonly table: Uint32Array;
  readonly values: Uint32Array;
  /**
   * One bit per key hash (about 8 bits a key): most looked-up deletion keys are absent, and
   * this small array answers "absent" from cache where the table would cost a memory miss.
   */
  readonly filter: Uint32Array;
}

/** FNV-1a over a string's char codes, skipping up to two positions (for deletion keys). */
export function hashSkipping(s: string, skipA: number, skipB: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    if (i === skipA || i === skipB) continue;
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Mix the length in so "ab" with a skip never equals a shorter string's hash by construction.
  h ^= s.length - (skipA >= 0 ? 1 : 0) - (skipB >= 0 ? 1 : 0);
  h = Math.imul(h, 0x01000193);
  return h >>> 0 || 1;
}

export function hashString(s: string): number {
  return hashSkipping(s, -1, -1);
}

/** Growable pair buffer used while building. */
export class PairBuffer {
  keys = new Uint32Array(1024);
  values = new Uint32Array(1024);
  length = 0;

  push(key: number, value: number): void {
    if (this.length === this.keys.length) {
      const k = new Uint32Array(this.keys.length * 2);
      k.set(this.keys);
      this.keys = k;
      const v = new Uint32Array(this.values.length * 2);
      v.set(this.values);
      this.values = v;
    }
    this.keys[this.length] = key;
    this.values[this.length] = value;
    this.length++;
  }
}

/** LSD radix sort of pairs by key (two 16-bit passes), stable, so values stay in push order. */
function sortPairs(buf: PairBuffer): { keys: Uint32Array; values: Uint32Array } {
  const n = buf.length;
  let keys = buf.keys.subarray(0, n);
  let values = buf.values.subarray(0, n);
  let tk = new Uint32Array(n);
  let tv = new Uint32Array(n);
  const counts = new Uint32Array(65537);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const b = (((keys[i] as number) >>> shift) & 0xffff) + 1;
      counts[b] = (counts[b] as number) + 1;
    }
    for (let b = 0; b < 65536; b++) counts[b + 1] = (counts[b + 1] as number) + (counts[b] as number);
    for (let i = 0; i < n; i++) {
      const k = keys[i] as number;
      const b = (k >>> shift) & 0xffff;
      const at = counts[b] as number;
      counts[b] = at + 1;
      tk[at] = k;
      tv[at] = values[i] as number;
    }
    const sk = keys;
    const sv = values;
    keys = tk;
    values = tv;
    tk = sk.length === n ? sk : new Uint32Array(n);
    tv = sv.length === n ? sv : new Uint32Array(n);
  }
  return { keys, values };
}

/** `to` of a slot whose key has exactly one value, held in `from`. */
export const SINGLE = 0xffffffff;

/** Builds the multimap; duplicate (key, value) pairs are kept once. */
export function buildHashMultimap(buf: PairBuffer): HashMultimapData {
  const { keys, values } = sortPairs(buf);
  const n = keys.length;
  const outValues = new Uint32Array(n);
  const distinctKeys: number[] = [];
  const distinctStarts: number[] = [];
  let w = 0;
  for (let i = 0; i < n; i++) {
    const k = keys[i] as number;
    const v = values[i] as number;
    if (i === 0 || k !== keys[i - 1]) {
      distinctKeys.push(k);
      distinctStarts.push(w);
    } else if (v === outValues[w - 1]) {
      continue;
    }
    outValues[w++] = v;
  }
  let size = 16;
  while (size < distinctKeys.length * 2) size *= 2;
  const table = new Uint32Array(size * 3);
  const mask = size - 1;
  // Values of multi-valued keys only, in key order.
  const multi = new Uint32Array(w);
  let m = 0;
  for (let d = 0; d < distinctKeys.length; d++) {
    const k = distinctKeys[d] as number;
    let s = mix(k) & mask;
    while (table[3 * s] !== 0) s = (s + 1) & mask;
    const from = distinctStarts[d] as number;
    const to = d + 1 < distinctStarts.length ? (distinctStarts[d + 1] as number) : w;
    table[3 * s] = k;
    if (to - from === 1) {
      table[3 * s + 1] = outValues[from] as number;
      table[3 * s + 2] = SINGLE;
    } else {
      table[3 * s + 1] = m;
      for (let x = from; x < to; x++) multi[m++] = outValues[x] as number;
      table[3 * s + 2] = m;
    }
  }
  let bits = 1 << 10;
  while (bits < distinctKeys.length * 8) bits *= 2;
  const filter = new Uint32Array(bits >>> 5);
  const filterShift = Math.clz32(bits) + 1;
  for (const k of distinctKeys) {
    const b = Math.imul(k, 0x9e3779b1) >>> filterShift;
    filter[b >>> 5] = (filter[b >>> 5] as number) | (1 << (b & 31));
  }
  return { table, values: multi.slice(0, m), filter };
}

function mix(k: number): number {
  let h = Math.imul(k ^ (k >>> 16), 0x45d9f3b);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Position in `table` of a key's slot (`table[at]` the key, `table[at + 1]`, `table[at + 2]`
 * its values, see `HashMultimapData`), or -1.
 */
export function findSlot(map: HashMultimapData, key: number): number {
  const filter = map.filter;
  // filter.length << 5 bits, a power of two: shift by 32 - log2(bits) = clz32(bits) + 1.
  const b = Math.imul(key, 0x9e3779b1) >>> (Math.clz32(filter.length << 5) + 1);
  if (((filter[b >>> 5] as number) & (1 << (b & 31))) === 0) return -1;
  const table = map.table;
  const mask = table.length / 3 - 1;
  let s = mix(key) & mask;
  for (;;) {
    const k = table[3 * s] as number;
    if (k === key) return 3 * s;
    if (k === 0) return -1;
    s = (s + 1) & mask;
  }
}

/** Calls `visit` with each value of `key`. */
export function forEachValue(map: HashMultimapData, key: number, visit: (value: number) => void): void {
  const at = findSlot(map, key);
  if (at < 0) return;
  const from = map.table[at + 1] as number;
  const to = map.table[at + 2] as number;
  if (to === SINGLE) visit(from);
  else for (let x = from; x < to; x++) visit(map.values[x] as number);
}

/**
 * A Bloom filter over 32-bit key hashes, two bits a key, `bitsPerKey` bits a key in all (32: a
 * false positive about 1 look-up in 250). Answers "certainly absent" without a table.
 */
export function buildKeyFilter(keys: Uint32Array, count: number, bitsPerKey = 32): Uint32Array {
  let bits = 1 << 10;
  while (bits < count * bitsPerKey) bits *= 2;
  const filter = new Uint32Array(bits >>> 5);
  const shift = Math.clz32(bits) + 1;
  for (let i = 0; i < count; i++) {
    const k = keys[i] as number;
    const b1 = Math.imul(k, 0x9e3779b1) >>> shift;
    const b2 = Math.imul(k ^ (k >>> 15), 0x85ebca6b) >>> shift;
    filter[b1 >>> 5] = (filter[b1 >>> 5] as number) | (1 << (b1 & 31));
    filter[b2 >>> 5] = (filter[b2 >>> 5] as number) | (1 << (b2 & 31));
  }
  return filter;
}

/** Whether `key` may be in the filter (false: it certainly is not). */
export function keyFilterHas(filter: Uint32Array, key: number): boolean {
  const shift = Math.clz32(filter.length << 5) + 1;
  const b1 = Math.imul(key, 0x9e3779b1) >>> shift;
  if (((filter[b1 >>> 5] as number) & (1 << (b1 & 31))) === 0) return false;
  const b2 = Math.imul(key ^ (key >>> 15), 0x85ebca6b) >>> shift;
  return ((filter[b2 >>> 5] as number) & (1 << (b2 & 31))) !== 0;
}
