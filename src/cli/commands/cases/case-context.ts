import { createAuditLog } from '../../../audit/index.js';
import { createCaseService, type CaseService } from '../../../cases/index.js';
import { VigilError } from '../../../domain/index.js';
import { createIdentityService, type Principal } from '../../../sharing/index.js';
import { withStore } from '../../context.js';
import { signIn, withCredentials, type CredentialOptions } from '../sign-in.js';

export type CaseCliOptions = CredentialOptions;

/** Who runs the command, and `--json`: every cases subcommand takes them. */
export const withCaseCredentials = withCredentials;

export interface CaseCliContext {
  cases: CaseService;
  principal: Principal;
}

/**
 * Opens the store with the audit log and the case service and signs the caller in as the API
 * does: cases hold personal data and four-eyes means nothing if the CLI took a name on trust.
 */
export function withCases<T>(options: CaseCliOptions, work: (context: CaseCliContext) => Promise<T>): Promise<T> {
  return withStore(options, async (store) => {
    const identity = createIdentityService(store);
    const principal = await signIn(identity, options);
    if (principal === undefined) throw new VigilError('AUTH_REQUIRED', 'cases hold personal data: say who you are with --as <username> --password-stdin, or --key-stdin');
    const audit = createAuditLog(store);
    try {
      return await work({ cases: createCaseService(store, { audit, directory: identity }), principal });
    } finally {
      await audit.close();
    }
  });
}
