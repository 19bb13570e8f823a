export type {
  AuditActor,
  AuditExportOptions,
  AuditInput,
  AuditLog,
  AuditLogOptions,
  AuditOutcome,
  AuditProblem,
  AuditProblemKind,
  AuditRecord,
  AuditVerification,
} from './audit-types.js';
export { createAuditAppender, createAuditLog } from './audit-log.js';
export type { AuditAppender, PreparedAuditRecord } from './audit-log.js';
export { hashAuditRecord, GENESIS_HASH } from './record-hash.js';
