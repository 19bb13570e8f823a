import { Command } from 'commander';
import type { Organisation } from '../../../sharing/index.js';
import type { GlobalOptions } from '../../context.js';
import { emit } from '../../output.js';
import { audited, withAdmin } from '../admin-context.js';

export function addOrganisationCommand(): Command {
  return new Command('add')
    .description('add an organisation (an agency or partner whose users and keys share need-to-know)')
    .argument('<name>', 'organisation name, unique')
    .option('--json', 'print JSON')
    .action(async (name: string, _options: GlobalOptions, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const org = await withAdmin(options, (context) =>
        audited(context, 'org.add', () => context.identity.createOrganisation({ name }), (created: Organisation) => ({ details: { orgId: created.id, name: created.name } }), { details: { name } }),
      );
      emit(org, options, (o) => `added organisation ${o.name} (${o.id})`);
    });
}
