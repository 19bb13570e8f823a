import { VigilError } from '../domain/index.js';
import { ApiKeyCache, type CachedKey } from './api-key-cache.js';
import type { IdentityContext, IdentityDb } from './identity-context.js';
import { requireText } from './identity-input.js';
import { toApiKeyInfo } from './identity-rows.js';
import type { ApiKeyInfo, IssuedApiKey, Principal } from './identity-types.js';
import { isRole, parseRole, type Role } from './roles.js';
import { formatApiKey, newKeyId, newSecret, parseApiKey, sameDigest, sha256Hex } from './secrets.js';
import { guarded } from './store-guard.js';

const KEY_INFO_COLUMNS = ['id', 'org_id', 'role', 'label', 'created_at', 'created_by', 'revoked_at'] as const;

/** API keys for systems: `vgl_<id>_<secret>`, of which only sha256(secret) is stored. */
export class ApiKeyRegistry {
  private readonly cache: ApiKeyCache;

  constructor(
    private readonly context: IdentityContext,
    cacheMs: number,
  ) {
    this.cache = new ApiKeyCache(cacheMs, () => context.now().getTime());
  }

  /** Inserts a key with `db`, which may be a transaction; the caller shows the key once. */
  async insertKey(db: IdentityDb, input: { orgId: string; role: Role; label: string; createdBy?: string }): Promise<IssuedApiKey> {
    const role = parseRole(input.role);
    const label = requireText(input.label, 'label', 200);
    const org = await db.selectFrom('organisations').select('id').where('id', '=', input.orgId).executeTakeFirst();
    if (org === undefined) throw new VigilError('STORE_NOT_FOUND', `no organisation ${input.orgId}`, { record: input.orgId });
    const id = newKeyId();
    const secret = newSecret();
    await db
      .insertInto('api_keys')
      .values({
        id,
        org_id: input.orgId,
        role,
        label,
        secret_hash: sha256Hex(secret),
        created_at: this.context.now().toISOString(),
        created_by: input.createdBy ?? null,
        revoked_at: null,
      })
      .execute();
    this.cache.forget(id);
    return { id, key: formatApiKey(id, secret) };
  }

  createApiKey(input: { orgId: string; role: Role; label: string; createdBy?: string }): Promise<IssuedApiKey> {
    return guarded('creating an API key', () => this.insertKey(this.context.db, input));
  }

  listApiKeys(orgId?: string): Promise<ApiKeyInfo[]> {
    return guarded('listing API keys', async () => {
      let query = this.context.db.selectFrom('api_keys').select(KEY_INFO_COLUMNS).orderBy('created_at').orderBy('id');
      if (orgId !== undefined) query = query.where('org_id', '=', orgId);
      return (await query.execute()).map(toApiKeyInfo);
    });
  }

  async revokeApiKey(id: string): Promise<void> {
    const at = this.context.now().toISOString();
    await guarded('revoking an API key', async () => {
      const found = await this.context.db.selectFrom('api_keys').select(['id', 'revoked_at']).where('id', '=', id).executeTakeFirst();
      if (found === undefined) throw new VigilError('STORE_NOT_FOUND', `no API key ${id}`, { record: id });
      if (found.revoked_at === null) await this.context.db.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', id).execute();
    });
    this.cache.markRevoked(id);
  }

  async resolveApiKey(key: string): Promise<Principal | undefined> {
    const parsed = typeof key === 'string' ? parseApiKey(key) : undefined;
    if (parsed === undefined || this.cache.isRevoked(parsed.id)) return undefined;
    const stored = await this.cache.get(parsed.id, (id) => this.load(id));
    if (stored === undefined || stored.revoked || !isRole(stored.role)) return undefined;
    // Checked again after the await: a revocation may have landed while the look-up ran.
    if (this.cache.isRevoked(parsed.id)) return undefined;
    if (!sameDigest(sha256Hex(parsed.secret), stored.secretHash)) return undefined;
    return { kind: 'key', id: parsed.id, name: stored.label, orgId: stored.orgId, roles: [stored.role] };
  }

  private load(id: string): Promise<CachedKey | undefined> {
    return guarded('resolving an API key', async () => {
      const row = await this.context.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
      if (row === undefined) return undefined;
      return { secretHash: row.secret_hash, orgId: row.org_id, role: row.role, label: row.label, revoked: row.revoked_at !== null };
    });
  }
}
