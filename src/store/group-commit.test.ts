import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';

describe('group commit', () => {
  it('writes what arrives together in one batch, caps a batch by weight, and leaves nothing behind', async () => {
    const batches: number[][] = [];
    const commits = new GroupCommit<number>(
      async (batch) => {
        batches.push(batch);
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
      { flushMs: 2, maxBatch: 10, weigh: (n) => n },
    );
    // Arriving within the window: one batch.
    for (const n of [1, 2, 3]) commits.add(n);
    await commits.flush();
    expect(batches).toEqual([[1, 2, 3]]);

    // Heavier than a batch: written at once, a batch each up to the cap, a too-heavy item alone.
    for (const n of [6, 3, 4, 12, 1]) commits.add(n);
    expect(commits.queued).toBeGreaterThan(0);
    await commits.flush();
    expect(batches.slice(1)).toEqual([[6, 3], [4], [12], [1]]);
    expect(commits.queued).toBe(0);
  });
});
