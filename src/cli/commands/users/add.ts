import { Command, Option } from 'commander';
import { VigilError } from '../../../domain/index.js';
import { parseRole, type User } from '../../../sharing/index.js';
import type { GlobalOptions } from '../../context.js';
import { emit } from '../../output.js';
import { audited, requireOrganisation, withAdmin } from '../admin-context.js';
import { readNewPassword } from './read-password.js';

interface AddOptions extends GlobalOptions {
  org: string;
  username: string;
  displayName?: string;
  role: string[];
  passwordStdin?: boolean;
  password?: string;
}

export function addUserCommand(): Command {
  return new Command('add')
    .description('add a user to an organisation (the password is read from standard input or typed, never given as an option)')
    .requiredOption('--org <org>', 'organisation id or name')
    .requiredOption('--username <name>', 'sign-in name (letters, digits, . _ @ -)')
    .option('--display-name <name>', 'name shown to others')
    .option('--role <role>', 'officer, analyst, supervisor, admin or partner (repeat for several)', (value: string, previous: string[]) => [...previous, value], [])
    .option('--password-stdin', 'read the password from standard input')
    .addOption(new Option('--password <password>').hideHelp())
    .option('--json', 'print JSON')
    .action(async (_options: AddOptions, command: Command) => {
      const options = command.optsWithGlobals<AddOptions>();
      if (options.password !== undefined) {
        throw new VigilError('INVALID_INPUT', 'a password on the command line is kept in shell history and visible to other users: use --password-stdin', { field: 'password' });
      }
      if (options.role.length === 0) throw new VigilError('INVALID_INPUT', 'give at least one --role', { field: 'role' });
      const roles = options.role.map((role) => parseRole(role, '--role'));
      const password = await readNewPassword(options.passwordStdin === true);
      const user = await withAdmin(options, async (context) => {
        const org = await requireOrganisation(context.identity, options.org);
        return audited(
          context,
          'user.add',
          () => context.identity.addUser({ orgId: org.id, username: options.username, password, roles, ...(options.displayName !== undefined ? { displayName: options.displayName } : {}) }),
          (added: User) => ({ subjectIds: [added.id], details: { username: added.username, orgId: org.id, roles: added.roles } }),
          { details: { username: options.username, orgId: org.id } },
        );
      });
      emit(user, options, (u) => `added user ${u.username} (${u.id}) to ${options.org} with roles ${u.roles.join(', ')}`);
    });
}
