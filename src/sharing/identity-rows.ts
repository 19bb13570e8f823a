import type { ApiKeyInfo, Organisation, User } from './identity-types.js';
import type { ApiKeysTable, OrganisationsTable, UsersTable } from './identity-tables.js';
import { isRole, type Role } from './roles.js';

export function toOrganisation(row: OrganisationsTable): Organisation {
  return { id: row.id, name: row.name, createdAt: row.created_at };
}

/** Roles the code no longer knows are dropped rather than granted. */
export function parseRoles(json: string): Role[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter(isRole) : [];
}

export type UserRow = Omit<UsersTable, 'password_hash'>;

export function toUser(row: UserRow, now: Date): User {
  const user: User = { id: row.id, orgId: row.org_id, username: row.username, roles: parseRoles(row.roles), createdAt: row.created_at };
  if (row.display_name !== null) user.displayName = row.display_name;
  if (row.disabled_at !== null) user.disabledAt = row.disabled_at;
  if (row.locked_until !== null && row.locked_until > now.toISOString()) user.lockedUntil = row.locked_until;
  if (row.last_sign_in_at !== null) user.lastSignInAt = row.last_sign_in_at;
  return user;
}

export type ApiKeyRow = Omit<ApiKeysTable, 'secret_hash'>;

export function toApiKeyInfo(row: ApiKeyRow): ApiKeyInfo {
  // Only known roles are ever written; resolveApiKey refuses a key whose role the code no longer knows.
  const info: ApiKeyInfo = { id: row.id, orgId: row.org_id, role: row.role as Role, label: row.label, createdAt: row.created_at };
  if (row.created_by !== null) info.createdBy = row.created_by;
  if (row.revoked_at !== null) info.revokedAt = row.revoked_at;
  return info;
}
