import type { Command } from 'commander';
import { createAuditLog } from '../../../audit/index.js';
import { createCaseService, type CaseService } from '../../../cases/index.js';
import { VigilError } from '../../../domain/index.js';
import { createIdentityService, type Principal } from '../../../sharing/index.js';
import { withStore, type GlobalOptions } from '../../context.js';

export interface CaseCliOptions extends GlobalOptions {
  as?: string;
  passwordStdin?: boolean;
  keyStdin?: boolean;
}

/** Who runs the command, and `--json`: every cases subcommand takes them. */
export function withCaseCredentials(command: Command): Command {
  return command
    .option('--as <username>', 'act as this user (their password from standard input with --password-stdin)')
    .option('--password-stdin', 'read the password of --as from standard input')
    .option('--key-stdin', 'act as the API key read from standard input')
    .option('--json', 'print JSON');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  // One trailing newline is how `echo` and here-strings end a line, not part of the secret.
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

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
    let principal: Principal | undefined;
    if (options.keyStdin === true) {
      principal = await identity.resolveApiKey(await readStdin());
      if (principal === undefined) throw new VigilError('AUTH_REQUIRED', 'the API key is not valid: unknown, malformed or revoked');
    } else if (options.as !== undefined) {
      if (options.passwordStdin !== true) throw new VigilError('INVALID_INPUT', '--as needs the password on standard input: add --password-stdin', { field: 'password' });
      principal = await identity.authenticate(options.as, await readStdin());
    } else {
      throw new VigilError('AUTH_REQUIRED', 'cases hold personal data: say who you are with --as <username> --password-stdin, or --key-stdin');
    }
    const audit = createAuditLog(store);
    try {
      return await work({ cases: createCaseService(store, { audit, directory: identity }), principal });
    } finally {
      await audit.close();
    }
  });
}
