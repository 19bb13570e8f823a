import { VigilError } from '../domain/index.js';
import type { IdentityContext } from './identity-context.js';
import { parseRoles } from './identity-rows.js';
import type { IssuedSession, Principal } from './identity-types.js';
import { newSecret, sha256Hex } from './secrets.js';
import { guarded } from './store-guard.js';

/** A token is 43 base64url characters; anything much longer is not ours and not worth hashing. */
const MAX_TOKEN_LENGTH = 128;

/** Sign-in sessions: the token goes to the browser, only its sha256 to the database. */
export class SessionRegistry {
  constructor(
    private readonly context: IdentityContext,
    private readonly ttlMs: number,
  ) {}

  async createSession(principal: Principal): Promise<IssuedSession> {
    if (principal.kind !== 'user') throw new VigilError('INVALID_INPUT', 'only a user signs in to a session; an API key is sent with every request', { field: 'kind' });
    const now = this.context.now();
    const token = newSecret();
    const expiresAt = new Date(now.getTime() + this.ttlMs).toISOString();
    return guarded('creating a session', () =>
      this.context.db.transaction().execute(async (trx) => {
        const user = await trx.selectFrom('users').select('disabled_at').where('id', '=', principal.id).executeTakeFirst();
        if (user === undefined || user.disabled_at !== null) throw new VigilError('AUTH_FAILED', 'the user cannot sign in');
        // Expired sessions are swept as new ones start, so the table stays the size of the live ones.
        await trx.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
        await trx.insertInto('sessions').values({ token_hash: sha256Hex(token), user_id: principal.id, created_at: now.toISOString(), expires_at: expiresAt }).execute();
        return { token, expiresAt };
      }),
    );
  }

  /** The user is read afresh, so a role change or a disable applies to live sessions at once. */
  async resolveSession(token: string): Promise<Principal | undefined> {
    if (typeof token !== 'string' || token === '' || token.length > MAX_TOKEN_LENGTH) return undefined;
    const row = await guarded('resolving a session', () =>
      this.context.db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select(['sessions.expires_at', 'users.id', 'users.username', 'users.display_name', 'users.org_id', 'users.roles', 'users.disabled_at'])
        .where('sessions.token_hash', '=', sha256Hex(token))
        .executeTakeFirst(),
    );
    if (row === undefined || row.disabled_at !== null) return undefined;
    if (row.expires_at <= this.context.now().toISOString()) return undefined;
    return { kind: 'user', id: row.id, name: row.display_name ?? row.username, orgId: row.org_id, roles: parseRoles(row.roles) };
  }

  async endSession(token: string): Promise<void> {
    if (typeof token !== 'string' || token === '' || token.length > MAX_TOKEN_LENGTH) return;
    await guarded('ending a session', () => this.context.db.deleteFrom('sessions').where('token_hash', '=', sha256Hex(token)).execute());
  }
}
