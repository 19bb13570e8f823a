import type { Command } from 'commander';
import { VigilError } from '../../domain/index.js';
import type { IdentityService, Principal } from '../../sharing/index.js';
import type { GlobalOptions } from '../context.js';

/** How a person or a machine says who runs a command that acts in their name. */
export interface CredentialOptions extends GlobalOptions {
  as?: string;
  passwordStdin?: boolean;
  keyStdin?: boolean;
}

/** The options that say who runs the command, and `--json`. */
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

/**
 * Signs the caller in as the API does (an API key, or a user and password, from standard
 * input, never the command line): approvals and four-eyes steps mean nothing if the CLI took a
 * name on trust. Undefined when no credentials were given.
 */
export async function signIn(identity: IdentityService, options: CredentialOptions): Promise<Principal | undefined> {
  if (options.keyStdin === true) {
    const principal = await identity.resolveApiKey(await readStdin());
    if (principal === undefined) throw new VigilError('AUTH_REQUIRED', 'the API key is not valid: unknown, malformed or revoked');
    return principal;
  }
  if (options.as !== undefined) {
    if (options.passwordStdin !== true) throw new VigilError('INVALID_INPUT', '--as needs the password on standard input: add --password-stdin', { field: 'password' });
    return identity.authenticate(options.as, await readStdin());
  }
  return undefined;
}
