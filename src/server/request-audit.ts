import type { FastifyRequest } from 'fastify';
import type { AuditActor, AuditInput, AuditLog } from '../audit/index.js';
import { VigilError } from '../domain/index.js';

/**
 * The actor for a request that presented no valid credentials. The audit vocabulary has no
 * "anonymous" kind, so it is recorded as a system actor with an id that says what it is.
 */
export const UNAUTHENTICATED: AuditActor = { kind: 'system', id: 'http:unauthenticated' };

const KEY_ID = /^vgl_([0-9a-f]{16})_/;

/** Who made the request: its principal, or the id of the key it tried, or nobody known. */
export function actorOf(request: FastifyRequest): AuditActor {
  const principal = request.principal;
  if (principal !== undefined) return { kind: principal.kind, id: principal.id, orgId: principal.orgId };
  // A refused key is still worth naming: a revoked key in use is what a reviewer looks for.
  const header = request.headers.authorization;
  const keyId = typeof header === 'string' ? KEY_ID.exec(header.replace(/^Bearer\s+/i, ''))?.[1] : undefined;
  return keyId !== undefined ? { kind: 'key', id: keyId } : UNAUTHENTICATED;
}

export type AuditEntry = Omit<AuditInput, 'actor' | 'action'> & { action?: string };

/**
 * Appends this request's one audit record and waits until it is durable. Throws AUDIT_FAILED
 * when it is not, and the caller must then return no personal data. A second call for the same
 * request does nothing: every request has exactly one record.
 */
export async function recordAudit(audit: AuditLog, request: FastifyRequest, entry: AuditEntry): Promise<void> {
  if (request.audited) return;
  request.audited = true;
  const input = auditInputOf(request, entry);
  try {
    await audit.append(input);
  } catch (error) {
    throw auditFailure(request, input, error);
  }
}

/** This request's audit record as it would be appended. */
export function auditInputOf(request: FastifyRequest, entry: AuditEntry): AuditInput {
  const { action, ...rest } = entry;
  return { actor: actorOf(request), action: action ?? request.routeOptions.config.action ?? 'http.request', ...rest };
}

/** Logs a failed append and gives the error the request fails with. */
export function auditFailure(request: FastifyRequest, input: AuditInput, error: unknown): VigilError {
  request.log.error({ err: error, action: input.action }, 'audit append failed; replying without data');
  return new VigilError('AUDIT_FAILED', 'the audit record could not be stored, so no result is returned; retry later', {}, { cause: error });
}
