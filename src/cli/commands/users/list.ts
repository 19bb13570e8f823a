import { Command } from 'commander';
import type { User } from '../../../sharing/index.js';
import type { GlobalOptions } from '../../context.js';
import { emit, table } from '../../output.js';
import { requireOrganisation, withAdmin } from '../admin-context.js';

interface ListOptions extends GlobalOptions {
  org?: string;
}

function status(user: User): string {
  if (user.disabledAt !== undefined) return `disabled ${user.disabledAt}`;
  if (user.lockedUntil !== undefined) return `locked until ${user.lockedUntil}`;
  return 'active';
}

export function listUsersCommand(): Command {
  return new Command('list')
    .description('users and their roles (never their passwords)')
    .option('--org <org>', 'only this organisation (id or name)')
    .option('--json', 'print JSON')
    .action(async (_options: ListOptions, command: Command) => {
      const options = command.optsWithGlobals<ListOptions>();
      const users = await withAdmin(options, async ({ identity }) => {
        const orgId = options.org === undefined ? undefined : (await requireOrganisation(identity, options.org)).id;
        return identity.listUsers(orgId);
      });
      emit(users, options, (list) =>
        list.length === 0
          ? 'no users yet: add one with `vigil users add`'
          : table(['id', 'username', 'name', 'org', 'roles', 'status'], list.map((u) => [u.id, u.username, u.displayName, u.orgId, u.roles.join(','), status(u)])),
      );
    });
}
