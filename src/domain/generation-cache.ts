/**
 * A bounded map that keeps what is used: entries live in a young generation; when it fills, it
 * becomes the old one (the previous old one is dropped) and a hit there moves the entry back to
 * the young. Common name parts stay cached however many rare ones pass through, at the cost of
 * two look-ups on a miss; no per-hit bookkeeping as an LRU list would need.
 */
export class GenerationCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private readonly generationSize: number;

  /** `capacity`: most entries held, both generations together. */
  constructor(readonly capacity: number) {
    this.generationSize = Math.max(1, Math.floor(capacity / 2));
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  get(key: K): V | undefined {
    const young = this.young.get(key);
    if (young !== undefined) return young;
    const old = this.old.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: K, value: V): void {
    if (this.capacity <= 0) return;
    if (this.young.size >= this.generationSize && !this.young.has(key)) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }
}
