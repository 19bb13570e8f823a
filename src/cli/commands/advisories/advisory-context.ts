import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { createAdvisoryService, type Actor, type AdvisoryService } from '../../../advisories/index.js';
import { createAuditLog } from '../../../audit/index.js';
import { VigilError } from '../../../domain/index.js';
import { createWebhookNotifier } from '../../../notify/index.js';
import { createIdentityService, type Principal } from '../../../sharing/index.js';
import { withStore, type GlobalOptions } from '../../context.js';

export interface CredentialOptions extends GlobalOptions {
  as?: string;
  passwordStdin?: boolean;
  keyStdin?: boolean;
}

/** The options that say who runs the command; every advisories subcommand takes them. */
export function withCredentials(command: Command): Command {
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
    const identity = createIdentityService(store);
    let principal: Principal | undefined;
    if (options.keyStdin === true) {
      principal = await identity.resolveApiKey(await readStdin());
      if (principal === undefined) throw new VigilError('AUTH_REQUIRED', 'the API key is not valid: unknown, malformed or revoked');
    } else if (options.as !== undefined) {
      if (options.passwordStdin !== true) throw new VigilError('INVALID_INPUT', '--as needs the password on standard input: add --password-stdin', { field: 'password' });
      principal = await identity.authenticate(options.as, await readStdin());
    }
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
