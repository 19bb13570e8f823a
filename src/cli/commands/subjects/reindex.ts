import { Command } from 'commander';
import { reindexSubjects } from '../../../vetting/index.js';
import type { GlobalOptions } from '../../context.js';
import { emit, formatCount } from '../../output.js';
import { withAdmin } from '../admin-context.js';

export function reindexSubjectsCommand(): Command {
  return new Command('reindex')
    .description('rebuild the vetting keys of every enrolled subject (after the name dictionary changed)')
    .option('--json', 'print JSON')
    .action(async (_options: GlobalOptions, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const result = await withAdmin(options, async ({ store, audit, actor }) => {
        const done = await reindexSubjects(store);
        await audit.append({ actor, action: 'subjects.reindex', outcome: 'ok', details: { subjects: done.subjects } });
        return done;
      });
      emit(result, options, (r) => `re-indexed ${formatCount(r.subjects)} enrolled subjects`);
    });
}
