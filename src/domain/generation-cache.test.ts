import { describe, expect, it } from 'vitest';
import { GenerationCache } from './generation-cache.js';

describe('GenerationCache', () => {
  it('keeps an entry that is used while many others pass through, and never holds more than its capacity', () => {
    const cache = new GenerationCache<string, number>(100);
    cache.set('mohammed', 1);
    for (let n = 0; n < 10_000; n++) {
      cache.set(`rare${n}`, n);
      // A common part comes back every few subjects.
      if (n % 20 === 0) expect(cache.get('mohammed')).toBe(1);
      expect(cache.size).toBeLessThanOrEqual(100);
    }
    expect(cache.get('mohammed')).toBe(1);
    expect(cache.get('rare9999')).toBe(9999);
    // Not used for two generations: dropped.
    expect(cache.get('rare0')).toBeUndefined();
  });

  it('holds nothing with a capacity of 0', () => {
    const cache = new GenerationCache<string, number>(0);
    cache.set('a', 1);
    expect(cache.get('a')).toBeUndefined();
  });
});
