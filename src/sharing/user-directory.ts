import { randomUUID } from 'node:crypto';
import { VigilError } from '../domain/index.js';
import type { IdentityContext } from './identity-context.js';
import { toOrganisation, toUser, parseRoles } from './identity-rows.js';
import { checkPassword, MAX_PASSWORD_LENGTH, normaliseUsername, requireRoles, requireText, requireUsername } from './identity-input.js';
import type { Organisation, Principal, User } from './identity-types.js';
import { hashPassword, verifyPassword } from './password-hash.js';
import type { Role } from './roles.js';
import { guarded } from './store-guard.js';
import { isUniqueViolation } from './unique-violation.js';

/**
 * The hash of a random password nobody knows, with the current parameters. Checking a password
 * for an unknown or disabled user against it costs the same scrypt work as a real check.
 */
const DUMMY_HASH = 'scrypt$ln=15,r=8,p=1$9PEBFcAludYzb5Jjtqo0kA==$HjrMAQIFzu0jUk9ff7dzsF1bwMXHQOfwHEKCpgoGJaw=';

const SIGN_IN_FAILED = 'the user name or password is wrong';

const USER_COLUMNS = ['id', 'org_id', 'username', 'display_name', 'roles', 'created_at', 'disabled_at', 'failed_attempts', 'locked_until', 'last_sign_in_at'] as const;

export interface LockoutPolicy {
  threshold: number;
  lockoutMs: number;
}

/** Organisations, users and signing in. */
export class UserDirectory {
  constructor(
    private readonly context: IdentityContext,
    private readonly lockout: LockoutPolicy,
  ) {}

  private get db(): IdentityContext['db'] {
    return this.context.db;
  }

  createOrganisation(input: { name: string }): Promise<Organisation> {
    const row = { id: randomUUID(), name: requireText(input.name, 'organisation name', 100), created_at: this.context.now().toISOString() };
    return guarded('creating an organisation', async () => {
      try {
        await this.db.insertInto('organisations').values(row).execute();
      } catch (error) {
        if (isUniqueViolation(error)) throw new VigilError('CONFLICT', `an organisation named "${row.name}" already exists`, { field: 'name' }, { cause: error });
        throw error;
      }
      return toOrganisation(row);
    });
  }

  listOrganisations(): Promise<Organisation[]> {
    return guarded('listing organisations', async () => {
      const rows = await this.db.selectFrom('organisations').selectAll().orderBy('created_at').orderBy('name').execute();
      return rows.map(toOrganisation);
    });
  }

  findOrganisation(idOrName: string): Promise<Organisation | undefined> {
    return guarded('finding an organisation', async () => {
      const row = await this.db
        .selectFrom('organisations')
        .selectAll()
        .where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName.trim())]))
        .orderBy('created_at')
        .executeTakeFirst();
      return row === undefined ? undefined : toOrganisation(row);
    });
  }

  private async requireOrganisation(orgId: string): Promise<void> {
    const found = await this.db.selectFrom('organisations').select('id').where('id', '=', orgId).executeTakeFirst();
    if (found === undefined) throw new VigilError('STORE_NOT_FOUND', `no organisation ${orgId}`, { record: orgId });
  }

  async addUser(input: { orgId: string; username: string; displayName?: string; password: string; roles: Role[] }): Promise<User> {
    const username = requireUsername(input.username);
    const roles = requireRoles(input.roles);
    checkPassword(input.password);
    const displayName = input.displayName === undefined || input.displayName.trim() === '' ? null : requireText(input.displayName, 'display name', 200);
    return guarded('adding a user', async () => {
      await this.requireOrganisation(input.orgId);
      const taken = await this.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
      if (taken !== undefined) throw new VigilError('CONFLICT', `the user name "${username}" is taken`, { field: 'username' });
      const row = {
        id: randomUUID(),
        org_id: input.orgId,
        username,
        display_name: displayName,
        roles: JSON.stringify(roles),
        created_at: this.context.now().toISOString(),
        disabled_at: null,
        failed_attempts: 0,
        locked_until: null,
        last_sign_in_at: null,
      };
      const passwordHash = await hashPassword(input.password);
      try {
        await this.db.insertInto('users').values({ ...row, password_hash: passwordHash }).execute();
      } catch (error) {
        // Two adds of one name at once: the unique index decides.
        if (isUniqueViolation(error)) throw new VigilError('CONFLICT', `the user name "${username}" is taken`, { field: 'username' }, { cause: error });
        throw error;
      }
      return toUser(row, this.context.now());
    });
  }

  listUsers(orgId?: string): Promise<User[]> {
    return guarded('listing users', async () => {
      let query = this.db.selectFrom('users').select(USER_COLUMNS).orderBy('username');
      if (orgId !== undefined) query = query.where('org_id', '=', orgId);
      const now = this.context.now();
      return (await query.execute()).map((row) => toUser(row, now));
    });
  }

  findUser(idOrUsername: string): Promise<User | undefined> {
    const username = normaliseUsername(idOrUsername);
    return guarded('finding a user', async () => {
      const row = await this.db
        .selectFrom('users')
        .select(USER_COLUMNS)
        .where((eb) => (username === undefined ? eb('id', '=', idOrUsername) : eb.or([eb('id', '=', idOrUsername), eb('username', '=', username)])))
        .executeTakeFirst();
      return row === undefined ? undefined : toUser(row, this.context.now());
    });
  }

  /** Marks the user disabled and deletes their sessions in one transaction. */
  disableUser(userId: string): Promise<void> {
    const at = this.context.now().toISOString();
    return guarded('disabling a user', () =>
      this.db.transaction().execute(async (trx) => {
        const found = await trx.selectFrom('users').select(['id', 'disabled_at']).where('id', '=', userId).executeTakeFirst();
        if (found === undefined) throw new VigilError('STORE_NOT_FOUND', `no user ${userId}`, { record: userId });
        if (found.disabled_at === null) await trx.updateTable('users').set({ disabled_at: at }).where('id', '=', userId).execute();
        await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
      }),
    );
  }

  async authenticate(rawUsername: string, password: string): Promise<Principal> {
    const username = normaliseUsername(rawUsername);
    const row =
      username === undefined
        ? undefined
        : await guarded('signing in', () => this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst());
    const now = this.context.now();
    if (row !== undefined && row.disabled_at === null && row.locked_until !== null && row.locked_until > now.toISOString()) {
      // No scrypt work for a locked account: hammering it should cost the attacker, not us.
      throw new VigilError('AUTH_LOCKED', `the account is locked after repeated failed sign-ins; try again after ${row.locked_until}`, { lockedUntil: row.locked_until });
    }
    const candidate = password.length <= MAX_PASSWORD_LENGTH ? password : '';
    const matches = await verifyPassword(candidate, row?.password_hash ?? DUMMY_HASH);
    if (row === undefined || row.disabled_at !== null) throw new VigilError('AUTH_FAILED', SIGN_IN_FAILED);
    if (!matches || candidate !== password) return this.recordFailure(row.id, now);
    const signedInAt = now.toISOString();
    await guarded('signing in', () =>
      this.db.updateTable('users').set({ failed_attempts: 0, locked_until: null, last_sign_in_at: signedInAt }).where('id', '=', row.id).execute(),
    );
    return { kind: 'user', id: row.id, name: row.display_name ?? row.username, orgId: row.org_id, roles: parseRoles(row.roles) };
  }

  /** Counts one failure atomically; the one that reaches the threshold locks the account. */
  private async recordFailure(userId: string, now: Date): Promise<never> {
    const updated = await guarded('recording a failed sign-in', () =>
      this.db
        .updateTable('users')
        .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
        .where('id', '=', userId)
        .returning('failed_attempts')
        .executeTakeFirst(),
    );
    if (updated !== undefined && updated.failed_attempts >= this.lockout.threshold) {
      const lockedUntil = new Date(now.getTime() + this.lockout.lockoutMs).toISOString();
      await guarded('locking an account', () =>
        this.db.updateTable('users').set({ failed_attempts: 0, locked_until: lockedUntil }).where('id', '=', userId).execute(),
      );
      throw new VigilError('AUTH_LOCKED', `the account is locked after ${this.lockout.threshold} failed sign-ins; try again after ${lockedUntil}`, { lockedUntil });
    }
    throw new VigilError('AUTH_FAILED', SIGN_IN_FAILED);
  }
}
