import { Command } from 'commander';
import { importSubjectsCommand } from './import.js';
import { purgeSubjectsCommand } from './purge.js';

export function subjectsCommand(): Command {
  return new Command('subjects')
    .description('subjects enrolled for recurrent vetting: enrol a population, purge those past retention')
    .addCommand(importSubjectsCommand())
    .addCommand(purgeSubjectsCommand());
}
