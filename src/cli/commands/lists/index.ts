import { Command } from 'commander';
import { diffCommand } from './diff.js';
import { importCommand } from './import.js';
import { showLists } from './show.js';
import { updateCommand } from './update.js';

export function listsCommand(): Command {
  return new Command('lists')
    .description('watchlists: sources, versions, imports and differences (no subcommand: show them)')
    .option('--json', 'print JSON')
    .action(async (_options: unknown, command: Command) => showLists(command))
    .addCommand(importCommand())
    .addCommand(diffCommand())
    .addCommand(updateCommand());
}
