import { Command } from 'commander';
import { VigilError } from '../../../domain/index.js';
import type { GlobalOptions } from '../../context.js';
import { emit } from '../../output.js';
import { audited, withAdmin } from '../admin-context.js';

export function disableUserCommand(): Command {
  return new Command('disable')
    .description('stop a user signing in and end their sessions')
    .argument('<user>', 'user id or user name')
    .option('--json', 'print JSON')
    .action(async (ref: string, _options: GlobalOptions, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const user = await withAdmin(options, async (context) => {
        const found = await context.identity.findUser(ref);
        if (found === undefined) throw new VigilError('STORE_NOT_FOUND', `no user "${ref}"`, { record: ref });
        await audited(context, 'user.disable', () => context.identity.disableUser(found.id), () => ({ subjectIds: [found.id], details: { username: found.username } }), { subjectIds: [found.id] });
        return (await context.identity.findUser(found.id)) ?? found;
      });
      emit(user, options, (u) => `disabled user ${u.username} (${u.id}); their sessions are ended`);
    });
}
