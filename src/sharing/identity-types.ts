import type { Role } from './roles.js';

/** Who is calling: a signed-in user or an API key. Every authorisation decision reads this. */
export interface Principal {
  kind: 'user' | 'key';
  /** The user id or the API key id. */
  id: string;
  /** The user's display name (or user name), or the key's label. */
  name: string;
  orgId: string;
  roles: Role[];
}

export interface Organisation {
  id: string;
  name: string;
  /** ISO-8601 UTC. */
  createdAt: string;
}

/** A user as others may see it: never the password hash. */
export interface User {
  id: string;
  orgId: string;
  /** Stored trimmed and lower-cased; sign-in compares the same way. */
  username: string;
  displayName?: string;
  roles: Role[];
  createdAt: string;
  /** Set once the user is disabled; a disabled user cannot sign in and has no sessions. */
  disabledAt?: string;
  /** Set while sign-in is locked after repeated failures. */
  lockedUntil?: string;
  lastSignInAt?: string;
}

/** An API key as others may see it: never the secret or its hash. */
export interface ApiKeyInfo {
  id: string;
  orgId: string;
  role: Role;
  label: string;
  createdAt: string;
  /** The user id (or `system:...`) that created it, when known. */
  createdBy?: string;
  revokedAt?: string;
}

export interface IdentityOptions {
  /** The clock for sessions and lockouts; tests pin it. */
  now?: () => Date;
  /** How long a session lasts from sign-in. Default 8 hours. */
  sessionTtlMs?: number;
  /** Consecutive failed sign-ins that lock an account. Default 5. */
  lockoutThreshold?: number;
  /** How long a locked account stays locked. Default 15 minutes. */
  lockoutMs?: number;
  /**
   * How long a resolved API key is kept in memory. Default 5 s. A revocation made through this
   * service takes effect at once; one made by another process takes up to this long.
   */
  apiKeyCacheMs?: number;
}

export interface IssuedSession {
  /** The bearer token; shown once, only its sha256 is stored. */
  token: string;
  /** ISO-8601 UTC. */
  expiresAt: string;
}

export interface IssuedApiKey {
  id: string;
  /** `vgl_<id>_<secret>`; shown once, only the sha256 of the secret is stored. */
  key: string;
}

/**
 * Organisations, users with roles, sessions and API keys.
 *
 * @example
 * const identity = createIdentityService(store);
 * const principal = await identity.authenticate('j.doe', password);
 * const { token } = await identity.createSession(principal);
 * const again = await identity.resolveSession(token); // the same principal until it expires
 */
export interface IdentityService {
  /** CONFLICT when the name is taken. */
  createOrganisation(input: { name: string }): Promise<Organisation>;
  /** Oldest first. */
  listOrganisations(): Promise<Organisation[]>;
  /** By id or by name; undefined when there is none. */
  findOrganisation(idOrName: string): Promise<Organisation | undefined>;
  /**
   * INVALID_INPUT for a password under 12 characters, a bad user name or no roles;
   * STORE_NOT_FOUND for an unknown organisation; CONFLICT when the user name is taken.
   */
  addUser(input: { orgId: string; username: string; displayName?: string; password: string; roles: Role[] }): Promise<User>;
  /** Every user, or one organisation's, by user name. Never returns password hashes. */
  listUsers(orgId?: string): Promise<User[]>;
  /** By id or by user name; undefined when there is none. */
  findUser(idOrUsername: string): Promise<User | undefined>;
  /** Disables the user and ends their sessions. STORE_NOT_FOUND for an unknown user. */
  disableUser(userId: string): Promise<void>;
  /**
   * AUTH_FAILED, with one message, for an unknown user, a wrong password or a disabled user;
   * AUTH_LOCKED from the `lockoutThreshold`-th consecutive failure until `lockoutMs` has passed.
   */
  authenticate(username: string, password: string): Promise<Principal>;
  createSession(principal: Principal): Promise<IssuedSession>;
  /** Undefined for an unknown, expired or ended session, or one whose user is disabled. */
  resolveSession(token: string): Promise<Principal | undefined>;
  endSession(token: string): Promise<void>;
  /** STORE_NOT_FOUND for an unknown organisation. */
  createApiKey(input: { orgId: string; role: Role; label: string; createdBy?: string }): Promise<IssuedApiKey>;
  /** Every key, or one organisation's, oldest first; no secrets. */
  listApiKeys(orgId?: string): Promise<ApiKeyInfo[]>;
  /** Takes effect at once in this process. STORE_NOT_FOUND for an unknown key. */
  revokeApiKey(id: string): Promise<void>;
  /** Undefined for a malformed, unknown, wrong or revoked key. Cached briefly in memory. */
  resolveApiKey(key: string): Promise<Principal | undefined>;
  /**
   * On a store with no organisation: creates organisation `default` and an admin API key,
   * returning the key once. Otherwise `{ created: false }`.
   */
  ensureBootstrapAdmin(): Promise<{ created: boolean; key?: string }>;
}
