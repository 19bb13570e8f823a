import { Command } from 'commander';
import { entityCommand } from './commands/entity.js';
import { listsCommand } from './commands/lists/index.js';

/** The whole command tree; the entry point only runs it. */
export function buildProgram(): Command {
  return new Command('vigil')
    .description('Vigil: watchlist screening, recurrent vetting and threat advisories')
    .version('0.1.0')
    .option('--db <path|url>', 'SQLite file or postgres:// URL (env VIGIL_DB; default ./vigil.db)')
    .option('--config <file>', 'JSON settings file (env VIGIL_CONFIG)')
    .showHelpAfterError()
    .addCommand(listsCommand())
    .addCommand(entityCommand());
}
