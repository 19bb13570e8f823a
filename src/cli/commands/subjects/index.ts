import { Command } from 'commander';
import { importSubjectsCommand } from './import.js';
import { purgeSubjectsCommand } from './purge.js';
import { reindexSubjectsCommand } from './reindex.js';

export function subjectsCommand(): Command {
  return new Command('subjects')
    .description('subjects enrolled for recurrent vetting: enrol a population, purge those past retention, re-index')
    .addCommand(importSubjectsCommand())
    .addCommand(purgeSubjectsCommand())
    .addCommand(reindexSubjectsCommand());
}
