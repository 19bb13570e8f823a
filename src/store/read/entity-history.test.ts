import { describe, expect, it } from 'vitest';
import { historyOfSpans } from './entity-history.js';

describe('historyOfSpans', () => {
  it('reads added, changed, removed and re-added from spans', () => {
    const spans = [
      { first: 1, last: 2, hash: 'a' },
      { first: 3, last: 4, hash: 'b' },
      { first: 7, last: null, hash: 'a' },
    ];
    expect(historyOfSpans(spans)).toEqual([
      { version: 1, contentHash: 'a', change: 'added' },
      { version: 3, contentHash: 'b', change: 'changed' },
      { version: 5, contentHash: 'b', change: 'removed' },
      { version: 7, contentHash: 'a', change: 'added' },
    ]);
  });

  it('ends with removed when the last span is closed', () => {
    expect(historyOfSpans([{ first: 2, last: 2, hash: 'a' }])).toEqual([
      { version: 2, contentHash: 'a', change: 'added' },
      { version: 3, contentHash: 'a', change: 'removed' },
    ]);
  });
});
