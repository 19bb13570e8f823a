import { Command } from 'commander';
import { parseRole } from '../../../sharing/index.js';
import type { GlobalOptions } from '../../context.js';
import { emit } from '../../output.js';
import { audited, requireOrganisation, withAdmin } from '../admin-context.js';

interface CreateOptions extends GlobalOptions {
  org: string;
  role: string;
  label: string;
}

export function createKeyCommand(): Command {
  return new Command('create')
    .description('create an API key for a system; the key is printed once and cannot be shown again')
    .requiredOption('--org <org>', 'organisation id or name')
    .requiredOption('--role <role>', 'officer, analyst, supervisor, admin or partner')
    .requiredOption('--label <label>', 'what the key is for, e.g. "border gate 3"')
    .option('--json', 'print JSON')
    .action(async (_options: CreateOptions, command: Command) => {
      const options = command.optsWithGlobals<CreateOptions>();
      const role = parseRole(options.role, '--role');
      const created = await withAdmin(options, async (context) => {
        const org = await requireOrganisation(context.identity, options.org);
        const issued = await audited(
          context,
          'key.create',
          () => context.identity.createApiKey({ orgId: org.id, role, label: options.label, createdBy: context.actor.id }),
          (key) => ({ details: { keyId: key.id, orgId: org.id, role, label: options.label } }),
          { details: { orgId: org.id, role } },
        );
        return { ...issued, orgId: org.id, role, label: options.label };
      });
      emit(created, options, (k) => `API key ${k.id} (${k.role}, "${k.label}"): store it now, it is not shown again\n${k.key}`);
    });
}
