import { Command } from 'commander';
import { compareCommand } from './commands/compare.js';
import { entityCommand } from './commands/entity.js';
import { listsCommand } from './commands/lists/index.js';
import { screenCommand } from './commands/screen.js';
import { serveCommand } from './commands/serve.js';
import { auditCommand } from './commands/audit/index.js';
import { keysCommand } from './commands/keys/index.js';
import { orgsCommand } from './commands/orgs/index.js';
import { usersCommand } from './commands/users/index.js';
import { advisoriesCommand } from './commands/advisories/index.js';
import { alertsCommand } from './commands/alerts.js';
import { subjectsCommand } from './commands/subjects/index.js';
import { vetCommand } from './commands/vet.js';
import { casesCommand } from './commands/cases/index.js';

export const VIGIL_VERSION = '0.1.0';

/**
 * The whole command tree; the entry point only runs it. `vigil --version` is handled by the
 * entry point, because commander's root version flag would swallow `vigil entity --version N`.
 */
export function buildProgram(): Command {
  return new Command('vigil')
    .description('Vigil: watchlist screening, recurrent vetting and threat advisories')
    .option('--db <path|url>', 'SQLite file or postgres:// URL (env VIGIL_DB; default ./vigil.db)')
    .option('--config <file>', 'JSON settings file (env VIGIL_CONFIG)')
    .showHelpAfterError()
    .addCommand(listsCommand())
    .addCommand(entityCommand())
    .addCommand(screenCommand())
    .addCommand(compareCommand())
    .addCommand(orgsCommand())
    .addCommand(usersCommand())
    .addCommand(keysCommand())
    .addCommand(auditCommand())
    .addCommand(advisoriesCommand())
    .addCommand(subjectsCommand())
    .addCommand(vetCommand())
    .addCommand(alertsCommand())
    .addCommand(casesCommand())
    .addCommand(serveCommand());
}
