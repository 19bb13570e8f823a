import { readFile } from 'node:fs/promises';
import { createAdvisoryService, type Actor, type AdvisoryService } from '../../../advisories/index.js';
import { createAuditLog } from '../../../audit/index.js';
import { VigilError } from '../../../domain/index.js';
import { createWebhookNotifier } from '../../../notify/index.js';
import { createIdentityService, type Principal } from '../../../sharing/index.js';
import { withStore } from '../../context.js';
import { signIn, type CredentialOptions } from '../sign-in.js';

export { withCredentials, type CredentialOptions } from '../sign-in.js';

export interface AdvisoryCliContext {
  advisories: AdvisoryService;
  /** Undefined when no credentials were given: the command sees what the public sees. */
  principal: Principal | undefined;
  /** The principal, or AUTH_REQUIRED for steps that change an advisory. */
  actor(): Actor;
}

/**
 * Opens the store with the audit log, the notifier and the advisory service, and signs in the
 * caller as the API does: two-person approval means nothing if the CLI took a name on trust.
 */
export function withAdvisories<T>(options: CredentialOptions, work: (context: AdvisoryCliContext) => Promise<T>): Promise<T> {
  return withStore(options, async (store) => {
    const principal = await signIn(createIdentityService(store), options);
    const audit = createAuditLog(store);
    const notifier = createWebhookNotifier(store);
    const advisories = createAdvisoryService(store, { audit, notifier });
    try {
      return await work({
        advisories,
        principal,
        actor: () => {
          if (principal === undefined) throw new VigilError('AUTH_REQUIRED', 'this changes an advisory: say who you are with --as <username> --password-stdin, or --key-stdin');
          return principal;
        },
      });
    } finally {
      // Deliveries not sent by now stay queued; a running `vigil serve` retries them.
      await notifier.stop();
      await audit.close();
    }
  });
}

/** A JSON file's content, or INVALID_INPUT naming the file. */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new VigilError('INVALID_INPUT', `cannot read ${path}`, { file: path }, { cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new VigilError('INVALID_INPUT', `${path} is not valid JSON`, { file: path }, { cause: error });
  }
}
