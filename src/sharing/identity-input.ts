import { VigilError } from '../domain/index.js';
import { isRole, ROLES, type Role } from './roles.js';

export const MIN_PASSWORD_LENGTH = 12;
/** scrypt takes any length, but nobody needs more and a megabyte password is only a cost. */
export const MAX_PASSWORD_LENGTH = 1024;

const USERNAME = /^[a-z0-9][a-z0-9._@-]{0,63}$/;

/** Trimmed, NFC and lower-cased, so `J.Doe` and `j.doe ` are one user. Undefined when malformed. */
export function normaliseUsername(raw: string): string | undefined {
  const name = raw.normalize('NFC').trim().toLowerCase();
  return USERNAME.test(name) ? name : undefined;
}

export function requireUsername(raw: string): string {
  const name = normaliseUsername(raw);
  if (name === undefined) {
    throw new VigilError('INVALID_INPUT', 'a user name is 1-64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit', { field: 'username' });
  }
  return name;
}

/** Length in characters as people count them (code points), not UTF-16 units. */
export function checkPassword(password: string): void {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    throw new VigilError('INVALID_INPUT', `a password must be at least ${MIN_PASSWORD_LENGTH} characters long`, { field: 'password' });
  }
  if (length > MAX_PASSWORD_LENGTH) {
    throw new VigilError('INVALID_INPUT', `a password must be at most ${MAX_PASSWORD_LENGTH} characters long`, { field: 'password' });
  }
}

export function requireText(raw: string, field: string, max: number): string {
  const text = raw.normalize('NFC').trim();
  if (text === '' || text.length > max) {
    throw new VigilError('INVALID_INPUT', `${field} must be 1-${max} characters`, { field });
  }
  return text;
}

/** At least one role, each known, without repeats. */
export function requireRoles(roles: readonly string[]): Role[] {
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0) {
    throw new VigilError('INVALID_INPUT', `unknown role ${unknown.join(', ')}: roles are ${ROLES.join(', ')}`, { field: 'roles' });
  }
  const known = [...new Set(roles.filter(isRole))];
  if (known.length === 0) throw new VigilError('INVALID_INPUT', 'a user needs at least one role', { field: 'roles' });
  return known;
}
