import type { AuditInput } from '../audit/index.js';
import type { CaseWrites } from './case-openings.js';
import type { ReviewedResult, SuppressedResult } from './case-types.js';
import type { OpenedCase, PreparedCase } from './open-case.js';

/** A case that a screening result opens (or joins), ready to write, with the record of its opening. */
export interface CaseOpening {
  /** The result's position in the screening. */
  index: number;
  prepared: PreparedCase;
  /** The `case.open` record, appended when the case is created (not when joined), with its caseId. */
  audit: AuditInput;
}

/** Screening results with redress applied, and the cases those that are not clear open. */
export interface PreparedReview {
  results: SuppressedResult[];
  openings: CaseOpening[];
}

/**
 * Writes a review's case openings (each in the next shared transaction) and settles each one:
 * a failed opening does not hide the cases the others opened, which still need their records.
 */
export function writeOpenings(writes: CaseWrites, openings: readonly CaseOpening[]): Promise<Array<PromiseSettledResult<OpenedCase>>> {
  return Promise.allSettled(openings.map((opening) => writes.write(opening.prepared)));
}

/** The `case.open` records of the cases that were created, each naming its case. */
export function openingRecords(openings: readonly CaseOpening[], settled: ReadonlyArray<PromiseSettledResult<OpenedCase>>): AuditInput[] {
  const records: AuditInput[] = [];
  openings.forEach((opening, position) => {
    const outcome = settled[position];
    if (outcome?.status === 'fulfilled' && outcome.value.created) records.push(openingRecord(opening, outcome.value));
  });
  return records;
}

/** The `case.open` record of an opening that created its case, naming the case. */
export function openingRecord(opening: CaseOpening, opened: OpenedCase): AuditInput {
  return { ...opening.audit, details: { caseId: opened.caseId, ...opening.audit.details } };
}

/** The first opening that failed, if any. */
export function failedOpening(settled: ReadonlyArray<PromiseSettledResult<OpenedCase>>): PromiseRejectedResult | undefined {
  return settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
}

/** The results, each not clear with the id of the case it opened or joined (`opened` in openings' order). */
export function withCaseIds(results: readonly SuppressedResult[], openings: readonly CaseOpening[], opened: readonly OpenedCase[]): ReviewedResult[] {
  const caseIdAt = new Map<number, string>();
  openings.forEach((opening, position) => {
    const caseId = opened[position]?.caseId;
    if (caseId !== undefined) caseIdAt.set(opening.index, caseId);
  });
  return results.map((result, index) => {
    const caseId = caseIdAt.get(index);
    return caseId === undefined ? result : { ...result, caseId };
  });
}
