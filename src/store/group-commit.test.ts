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

  it('with no window, writes what arrives in one turn together and a later arrival right after, without a timer', async () => {
    const batches: string[][] = [];
    const commits = new GroupCommit<string>(
      async (batch) => {
        batches.push(batch);
        await new Promise((resolve) => setImmediate(resolve));
      },
      { flushMs: 0, maxBatch: 100 },
    );
    // Three requests read in one turn of the event loop.
    for (const id of ['a', 'b', 'c']) commits.add(id);
    expect(batches).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([['a', 'b', 'c']]);
    // Arriving while that batch is written: the next batch, as soon as it is done.
    commits.add('d');
    commits.add('e');
    await commits.flush();
    expect(batches).toEqual([['a', 'b', 'c'], ['d', 'e']]);
    // Alone, later: its own batch in the next turn, not after some window.
    commits.add('f');
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches.at(-1)).toEqual(['f']);
  });
});
