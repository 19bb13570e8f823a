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
export { createAuditLog } from './audit-log.js';
export { hashAuditRecord, GENESIS_HASH } from './record-hash.js';
