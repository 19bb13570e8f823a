import type { AlignedPart, UnmatchedPart } from '../api/types.js';

/**
 * Maps the matcher's aligned parts back onto the names as written, for highlighting. The API
 * gives the parts in their compared (folded, transliterated) forms, not offsets into the names,
 * so this is a best effort: a written word is tied to a part when its simple fold equals the
 * part (Latin script), or when the very same word stands in both names (any script). Words it
 * cannot tie stay plain; the alignment table beside the names is always complete.
 */
export interface Word {
  text: string;
  /** Separator or punctuation, shown as is. */
  gap: boolean;
  /** 1-based pair number in the alignment table. */
  pair?: number;
  /** The same written word stands in the other name (no table row: the table shows folded forms). */
  same?: boolean;
  how?: string;
  unmatched?: boolean;
}

const WORD = /([\p{L}\p{N}\p{M}]+)|([^\p{L}\p{N}\p{M}]+)/gu;

export function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export function splitWords(name: string): Word[] {
  const words: Word[] = [];
  for (const match of name.matchAll(WORD)) {
    if (match[1] !== undefined) words.push({ text: match[1], gap: false });
    else if (match[2] !== undefined) words.push({ text: match[2], gap: true });
  }
  return words;
}

function tokensOf(part: string): string[] {
  return part.split(/\s+/).map(fold).filter((t) => t !== '');
}

function ties(word: string, token: string): boolean {
  if (word === token) return true;
  // Joined parts ("abdulrahman" against "abdul rahman") and clipped ones.
  return word.length >= 3 && token.length >= 3 && (word.startsWith(token) || token.startsWith(word));
}

/** Both names split into words, with aligned words numbered by their pair. */
export function alignWords(
  subjectName: string,
  entityName: string,
  aligned: AlignedPart[],
  unmatched: UnmatchedPart[],
): { subject: Word[]; entity: Word[] } {
  const subject = splitWords(subjectName);
  const entity = splitWords(entityName);
  const mark = (words: Word[], side: 'subject' | 'entity'): void => {
    const used = new Set<number>();
    for (const word of words) {
      if (word.gap) continue;
      const folded = fold(word.text);
      const index = aligned.findIndex((pair, i) => !used.has(i) && tokensOf(pair[side]).some((token) => ties(folded, token)));
      if (index >= 0) {
        used.add(index);
        word.pair = index + 1;
        word.how = aligned[index]?.how;
        continue;
      }
      if (unmatched.some((u) => u.side === side && tokensOf(u.part).some((token) => token === folded))) word.unmatched = true;
    }
  };
  mark(subject, 'subject');
  mark(entity, 'entity');
  // The same written word on both sides (names in Arabic, Cyrillic, Han ...): an exact part.
  for (const word of subject) {
    if (word.gap || word.pair !== undefined) continue;
    const twin = entity.find((other) => !other.gap && other.pair === undefined && other.same !== true && other.text === word.text);
    if (twin === undefined) continue;
    for (const w of [word, twin]) {
      w.same = true;
      w.how = 'exact';
      w.unmatched = false;
    }
  }
  return { subject, entity };
}
