import { Command } from 'commander';
import type { GlobalOptions } from '../../context.js';
import { emit, table } from '../../output.js';
import { requireOrganisation, withAdmin } from '../admin-context.js';

interface ListOptions extends GlobalOptions {
  org?: string;
}

export function listKeysCommand(): Command {
  return new Command('list')
    .description('API keys (never their secrets)')
    .option('--org <org>', 'only this organisation (id or name)')
    .option('--json', 'print JSON')
    .action(async (_options: ListOptions, command: Command) => {
      const options = command.optsWithGlobals<ListOptions>();
      const keys = await withAdmin(options, async ({ identity }) => {
        const orgId = options.org === undefined ? undefined : (await requireOrganisation(identity, options.org)).id;
        return identity.listApiKeys(orgId);
      });
      emit(keys, options, (list) =>
        list.length === 0
          ? 'no API keys yet: create one with `vigil keys create`'
          : table(['id', 'org', 'role', 'label', 'created', 'status'], list.map((k) => [k.id, k.orgId, k.role, k.label, k.createdAt, k.revokedAt === undefined ? 'active' : `revoked ${k.revokedAt}`])),
      );
    });
}
