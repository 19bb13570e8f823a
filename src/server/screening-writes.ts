import type { AuditInput, AuditLog } from '../audit/index.js';
import type { Subject } from '../domain/index.js';
import type { EnrolmentRequest, Enrolments } from '../vetting/index.js';

/** Subjects a screening enrols for recurrent vetting, and where and for how long. */
export interface EnrolmentWrite {
  subjects: readonly Subject[];
  request: EnrolmentRequest;
}

/**
 * What a screening writes before it answers: its subjects' enrolment, when it enrols, then its
 * audit record, once the enrolment is committed (the record says they were enrolled).
 * Rejects with AUDIT_FAILED when the record could not be stored; with any other error when the
 * enrolment failed, and then no record was written.
 */
export interface ScreeningWrites {
  commit(enrolment: EnrolmentWrite | undefined, record: AuditInput): Promise<void>;
}

/** The two writes in turn, over whatever enrolment queue and audit log are given. */
export async function commitScreening(enrolments: Enrolments, audit: AuditLog, enrolment: EnrolmentWrite | undefined, record: AuditInput): Promise<void> {
  if (enrolment !== undefined) await enrolments.enrol(enrolment.subjects, enrolment.request);
  await audit.append(record);
}

/** Screening writes in this thread (tests, and apps built without a write thread). */
export function screeningWritesOver(enrolments: Enrolments, audit: AuditLog): ScreeningWrites {
  return { commit: (enrolment, record) => commitScreening(enrolments, audit, enrolment, record) };
}
