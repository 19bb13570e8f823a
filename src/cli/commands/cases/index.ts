import { Command } from 'commander';
import { assignCaseCommand } from './assign.js';
import { closeCaseCommand } from './close.js';
import { confirmCaseCommand } from './confirm.js';
import { decideCaseCommand } from './decide.js';
import { listCasesCommand } from './list.js';
import { showCaseCommand } from './show.js';

export function casesCommand(): Command {
  return new Command('cases')
    .description('adjudication: the case queue, per-hit decisions, four-eyes confirmation')
    .addCommand(listCasesCommand())
    .addCommand(showCaseCommand())
    .addCommand(decideCaseCommand())
    .addCommand(confirmCaseCommand())
    .addCommand(assignCaseCommand())
    .addCommand(closeCaseCommand());
}
