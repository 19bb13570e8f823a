import { Command } from 'commander';
import type { GlobalOptions } from '../../context.js';
import { emit, table } from '../../output.js';
import { withAdmin } from '../admin-context.js';

export function listOrganisationsCommand(): Command {
  return new Command('list')
    .description('organisations')
    .option('--json', 'print JSON')
    .action(async (_options: GlobalOptions, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const orgs = await withAdmin(options, ({ identity }) => identity.listOrganisations());
      emit(orgs, options, (list) => (list.length === 0 ? 'no organisations yet: add one with `vigil orgs add <name>`' : table(['id', 'name', 'created'], list.map((o) => [o.id, o.name, o.createdAt]))));
    });
}
