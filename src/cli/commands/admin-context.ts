import { userInfo } from 'node:os';
import { createAuditLog, type AuditActor, type AuditInput, type AuditLog } from '../../audit/index.js';
import { VigilError } from '../../domain/index.js';
import { createIdentityService, type IdentityService, type Organisation } from '../../sharing/index.js';
import type { Store } from '../../store/index.js';
import type { VigilConfig } from '../../config/index.js';
import { withStore, type GlobalOptions } from '../context.js';

export interface AdminContext {
  store: Store;
  identity: IdentityService;
  audit: AuditLog;
  actor: AuditActor;
  config: VigilConfig;
}

/** `cli:<os user>`: the person at the terminal, as far as the machine knows them. */
export function cliActor(): AuditActor {
  let name: string;
  try {
    name = userInfo().username;
  } catch {
    // A container user without a passwd entry has no name; the uid still says who it was.
    name = `uid-${process.getuid?.() ?? 'unknown'}`;
  }
  return { kind: 'system', id: `cli:${name}` };
}

/** Opens the store with the identity service and the audit log; flushes the log before closing. */
export function withAdmin<T>(options: GlobalOptions, work: (context: AdminContext) => Promise<T>): Promise<T> {
  return withStore(options, async (store, config) => {
    const audit = createAuditLog(store);
    try {
      return await work({ store, identity: createIdentityService(store), audit, actor: cliActor(), config });
    } finally {
      await audit.close();
    }
  });
}

type AuditFacts = Omit<AuditInput, 'actor' | 'action' | 'outcome'>;

/**
 * Runs one change and records it, whether it succeeded or not. A change that succeeded but could
 * not be recorded fails the command with AUDIT_FAILED, so nobody takes it as fully done.
 */
export async function audited<T>(context: AdminContext, action: string, work: () => Promise<T>, facts: (result: T) => AuditFacts, failedFacts: AuditFacts = {}): Promise<T> {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    const code = error instanceof VigilError ? error.code : 'INTERNAL';
    await context.audit.append({ ...failedFacts, actor: context.actor, action, outcome: 'error', details: { ...failedFacts.details, code } });
    throw error;
  }
  await context.audit.append({ ...facts(result), actor: context.actor, action, outcome: 'ok' });
  return result;
}

/** An organisation by id or name, or STORE_NOT_FOUND naming what was asked for. */
export async function requireOrganisation(identity: IdentityService, ref: string): Promise<Organisation> {
  const org = await identity.findOrganisation(ref);
  if (org === undefined) throw new VigilError('STORE_NOT_FOUND', `no organisation "${ref}" (see vigil orgs list)`, { record: ref });
  return org;
}
