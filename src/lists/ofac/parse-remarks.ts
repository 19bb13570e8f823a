import { parseDocumentClause } from './document-clauses.js';
import { applyIdentityClause } from './identity-clauses.js';
import { parsePropertyClause } from './property-clauses.js';
import { addProperty, emptyFacts, type RemarkFacts } from './remark-facts.js';
import { splitRemarks } from './split-remarks.js';

export interface ParseRemarksOptions {
  /**
   * The record's Title clauses: OFAC repeats the Title in Remarks, and the copy adds nothing
   * once the Title is kept as a property.
   */
  titles?: readonly string[];
  /**
   * The legacy CSV cuts Remarks at 1,000 characters; the last clause of a cut value is kept
   * verbatim rather than read as a shortened alias or number.
   */
  truncated?: boolean;
}

/** Remarks lose their final period and Titles keep theirs (`Lt. Col.`), so both are compared without. */
const titleKey = (text: string): string => text.trim().replace(/\.$/, '').toLowerCase();

function applyClause(clause: string, facts: RemarkFacts, titles: ReadonlySet<string>): boolean {
  if (titles.has(titleKey(clause))) return true;
  if (applyIdentityClause(clause, facts)) return true;
  const property = parsePropertyClause(clause);
  if (property !== undefined) {
    addProperty(facts.properties, property.key, property.value);
    return true;
  }
  const document = parseDocumentClause(clause);
  if (document !== undefined) {
    facts.documents.push(document);
    return true;
  }
  return false;
}

/**
 * Reads the clauses of an OFAC Remarks value into entity fields. Every clause no rule
 * understands is returned verbatim in `remarks`; nothing is dropped.
 */
export function parseRemarks(remarks: string, options: ParseRemarksOptions = {}): RemarkFacts {
  const facts = emptyFacts();
  const titles = new Set((options.titles ?? []).map(titleKey));
  const clauses = splitRemarks(remarks);
  clauses.forEach((clause, index) => {
    const cut = options.truncated === true && index === clauses.length - 1;
    if (cut || !applyClause(clause, facts, titles)) facts.remarks.push(clause);
  });
  return facts;
}
