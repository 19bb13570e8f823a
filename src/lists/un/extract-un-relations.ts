import type { Relation } from '../../domain/index.js';

const REFERENCE = /\b[A-Z]{2}[ie]\.\d{3}\b/g;
const PARENTHESIS = /\(([^()]*)\)/g;
const MAX_NOTE = 300;
/** Sentences that cite a former entry of the same party, not another party. */
const SAME_PARTY = /appeared also as|also appeared as|consolidated into this|also listed (?:under|as)/i;

/**
 * Other listed parties a free-text field cites by reference number, conservatively: only
 * numbers inside a parenthesis count ("Leader of Al-Qaida (QDe.004)", "(JI, QDe.092)",
 * "(listed under permanent reference number QDe.118)"), never a bare number ("also listed under
 * number TAi.048" is a former number of the same person), never in a sentence that says the
 * number was a former entry of this party ("appeared also as ... (QDe.073)"), never the record
 * itself.
 * The type is always `associate`: the prose ("leader of", "financier of") is kept in the note
 * for people, not guessed at. A target may have left the list since; it then resolves nowhere.
 */
export function extractUnRelations(texts: readonly string[], source: string, self: string): Relation[] {
  const relations: Relation[] = [];
  const seen = new Set<string>([self]);
  for (const text of texts) {
    for (const group of text.matchAll(PARENTHESIS)) {
      for (const reference of (group[1] ?? '').matchAll(REFERENCE)) {
        const target = reference[0];
        if (seen.has(target)) continue;
        const note = sentenceAround(text, (group.index ?? 0) + 1 + (reference.index ?? 0));
        if (SAME_PARTY.test(note)) continue;
        seen.add(target);
        relations.push({ type: 'associate', targetId: `${source}:${target}`, note });
      }
    }
  }
  return relations;
}

/** The sentence holding position `at`, for a reviewer to see why the link exists. */
function sentenceAround(text: string, at: number): string {
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n')) + 1;
  const endMatch = /\.(\s|$)/.exec(text.slice(at));
  const end = endMatch === null ? text.length : at + endMatch.index + 1;
  const sentence = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return sentence.length <= MAX_NOTE ? sentence : `${sentence.slice(0, MAX_NOTE - 1)}…`;
}
