import { randomUUID } from 'node:crypto';
import type { Store } from '../store/index.js';
import { ApiKeyRegistry } from './api-key-registry.js';
import type { IdentityContext } from './identity-context.js';
import type { IdentityOptions, IdentityService } from './identity-types.js';
import type { IdentityTables } from './identity-tables.js';
import { SessionRegistry } from './session-registry.js';
import { guarded } from './store-guard.js';
import { isUniqueViolation } from './unique-violation.js';
import { UserDirectory } from './user-directory.js';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** The organisation and key `ensureBootstrapAdmin` makes on an empty store. */
export const BOOTSTRAP_ORGANISATION = 'default';

/**
 * The identity service over the store's database (tables from migration 0002-identity).
 *
 * @example
 * const identity = createIdentityService(store, { sessionTtlMs: 4 * 3_600_000 });
 * const { key } = await identity.createApiKey({ orgId, role: 'officer', label: 'border gate 3' });
 * const principal = await identity.resolveApiKey(key); // { kind: 'key', roles: ['officer'], ... }
 */
export function createIdentityService(store: Store, options: IdentityOptions = {}): IdentityService {
  const context: IdentityContext = { db: store.db.withTables<IdentityTables>(), now: options.now ?? (() => new Date()) };
  const users = new UserDirectory(context, { threshold: options.lockoutThreshold ?? 5, lockoutMs: options.lockoutMs ?? 15 * MINUTE_MS });
  const sessions = new SessionRegistry(context, options.sessionTtlMs ?? 8 * HOUR_MS);
  const keys = new ApiKeyRegistry(context, options.apiKeyCacheMs ?? 5_000);

  return {
    createOrganisation: (input) => users.createOrganisation(input),
    listOrganisations: () => users.listOrganisations(),
    findOrganisation: (idOrName) => users.findOrganisation(idOrName),
    addUser: (input) => users.addUser(input),
    listUsers: (orgId) => users.listUsers(orgId),
    findUser: (idOrUsername) => users.findUser(idOrUsername),
    disableUser: (userId) => users.disableUser(userId),
    authenticate: (username, password) => users.authenticate(username, password),
    createSession: (principal) => sessions.createSession(principal),
    resolveSession: (token) => sessions.resolveSession(token),
    endSession: (token) => sessions.endSession(token),
    createApiKey: (input) => keys.createApiKey(input),
    listApiKeys: (orgId) => keys.listApiKeys(orgId),
    revokeApiKey: (id) => keys.revokeApiKey(id),
    resolveApiKey: (key) => keys.resolveApiKey(key),

    /** Several replicas may start at once on an empty store: the unique name lets one win. */
    ensureBootstrapAdmin: () =>
      guarded('creating the first administrator', async () => {
        const any = await context.db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
        if (any !== undefined) return { created: false };
        try {
          return await context.db.transaction().execute(async (trx) => {
            const org = { id: randomUUID(), name: BOOTSTRAP_ORGANISATION, created_at: context.now().toISOString() };
            await trx.insertInto('organisations').values(org).execute();
            const issued = await keys.insertKey(trx, { orgId: org.id, role: 'admin', label: 'bootstrap administrator', createdBy: 'system:bootstrap' });
            return { created: true, key: issued.key };
          });
        } catch (error) {
          if (isUniqueViolation(error)) return { created: false };
          throw error;
        }
      }),
  };
}
