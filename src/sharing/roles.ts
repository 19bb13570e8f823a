import { VigilError } from '../domain/index.js';

/**
 * What a principal may do is decided from its roles: `officer` screens, `analyst` reviews and
 * investigates, `supervisor` decides cases and sees the audit trail, `admin` manages users and
 * keys, `partner` is an outside organisation's system with need-to-know access only.
 */
export const ROLES = ['officer', 'analyst', 'supervisor', 'admin', 'partner'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The role named by `value`, or INVALID_INPUT listing the roles there are. */
export function parseRole(value: string, field = 'role'): Role {
  if (!isRole(value)) {
    throw new VigilError('INVALID_INPUT', `${field} must be one of ${ROLES.join(', ')}, not "${value}"`, { field });
  }
  return value;
}
