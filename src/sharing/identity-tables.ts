/**
 * The tables the identity service owns (migration 0002-identity), seen through
 * `store.db.withTables<IdentityTables>()`. Times are ISO-8601 UTC text, roles a JSON array.
 */
export type IdentityTables = {
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
};

export interface OrganisationsTable {
  id: string;
  name: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  org_id: string;
  username: string;
  display_name: string | null;
  /** `scrypt$ln=15,r=8,p=1$<salt>$<hash>`: the parameters travel with the hash. */
  password_hash: string;
  /** JSON array of roles. */
  roles: string;
  created_at: string;
  disabled_at: string | null;
  failed_attempts: number;
  locked_until: string | null;
  last_sign_in_at: string | null;
}

export interface SessionsTable {
  /** sha256 hex of the token; the token itself is never stored. */
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiKeysTable {
  id: string;
  org_id: string;
  role: string;
  label: string;
  /** sha256 hex of the secret part of the key. */
  secret_hash: string;
  created_at: string;
  created_by: string | null;
  revoked_at: string | null;
}
