import { Command } from 'commander';
import { purgeExpiredSubjects } from '../../../vetting/index.js';
import type { GlobalOptions } from '../../context.js';
import { emit, formatCount } from '../../output.js';
import { withAdmin } from '../admin-context.js';

export function purgeSubjectsCommand(): Command {
  return new Command('purge')
    .description('remove enrolled subjects whose retention has ended (audited)')
    .option('--json', 'print JSON')
    .action(async (_options: GlobalOptions, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const result = await withAdmin(options, ({ store, audit, actor }) => purgeExpiredSubjects(store, { audit, actor }));
      emit(result, options, (r) => `purged ${formatCount(r.purged)} subjects whose retention ended before ${r.before}`);
    });
}
