import { hashSkipping } from './hash-multimap.js';

/**
 * Deletion-neighbourhood keys (the SymSpell idea, hashed): two tokens within k edits share a
 * key made by deleting at most k letters from each. A token's own key and its one-letter
 * deletions are emitted from 4 letters on, two-letter deletions from 8 letters on, matching
 * `maxEdits` in token-similarity.ts; so the look-up is complete for what the scorer tolerates.
 * Emits hashes only; callers verify with the edit distance. `maxDeletions` 1 finds only what
 * is within one edit.
 */
export function forEachDeletionKey(text: string, emit: (hash: number) => void, maxDeletions = 2): void {
  const len = text.length;
  emit(hashSkipping(text, -1, -1));
  if (len < 4 || maxDeletions < 1) return;
  for (let i = 0; i < len; i++) {
    // Deleting either letter of a double gives the same string: emit once.
    if (i > 0 && text.charCodeAt(i) === text.charCodeAt(i - 1)) continue;
    emit(hashSkipping(text, i, -1));
  }
  if (len < 8 || maxDeletions < 2) return;
  for (let i = 0; i < len; i++) {
    for (let j = i + 1; j < len; j++) emit(hashSkipping(text, i, j));
  }
}
