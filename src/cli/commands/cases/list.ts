import { Command } from 'commander';
import type { CaseFilter } from '../../../cases/index.js';
import { emit } from '../../output.js';
import { withCaseCredentials, withCases, type CaseCliOptions } from './case-context.js';
import { renderPage } from './render.js';

interface ListOptions extends CaseCliOptions {
  status?: string;
  decision?: string;
  outcome?: string;
  channel?: string;
  port?: string;
  owner?: string;
  priority?: string;
  source?: string;
  awaitingConfirmation?: boolean;
  minAgeHours?: string;
  maxAgeHours?: string;
  org?: string;
  limit?: string;
  offset?: string;
  purpose?: string;
}

/** The options as the API's query: the case service validates them the same way. */
function filterFrom(o: ListOptions): CaseFilter {
  const pairs: Array<[keyof CaseFilter, string | undefined]> = [
    ['status', o.status],
    ['decision', o.decision],
    ['outcome', o.outcome],
    ['channel', o.channel],
    ['port', o.port],
    ['owner', o.owner],
    ['priority', o.priority],
    ['source', o.source],
    ['awaitingConfirmation', o.awaitingConfirmation === true ? 'true' : undefined],
    ['minAgeHours', o.minAgeHours],
    ['maxAgeHours', o.maxAgeHours],
    ['orgId', o.org],
    ['limit', o.limit],
    ['offset', o.offset],
  ];
  return Object.fromEntries(pairs.filter(([, value]) => value !== undefined)) as CaseFilter;
}

export function listCasesCommand(): Command {
  return withCaseCredentials(
    new Command('list')
      .description('the case queue, most urgent and oldest first')
      .option('--status <status>', 'open, decided or closed')
      .option('--decision <decision>', 'what screening said: review or match')
      .option('--outcome <outcome>', 'what people decided: true_match, false_positive, inconclusive')
      .option('--channel <channel>', 'visa, air_arrival, ...')
      .option('--port <port>', 'port of entry')
      .option('--owner <owner>', 'a user id, me, or none')
      .option('--priority <priority>', 'critical, high, medium or low')
      .option('--source <source>', 'screening or alert')
      .option('--awaiting-confirmation', 'only cases with a true match awaiting a supervisor')
      .option('--min-age-hours <h>', 'opened at least this long ago')
      .option('--max-age-hours <h>', 'opened at most this long ago')
      .option('--org <id>', 'admins: one organisation')
      .option('--limit <n>', 'cases per page (default 50, at most 200)')
      .option('--offset <n>', 'skip this many')
      .option('--purpose <text>', 'why you read them, kept in the audit trail'),
  ).action(async (_o: ListOptions, command: Command) => {
    const options = command.optsWithGlobals<ListOptions>();
    const filter = filterFrom(options);
    const page = await withCases(options, ({ cases, principal }) => cases.list(principal, filter, options.purpose !== undefined ? { purpose: options.purpose } : {}));
    emit(page, options, renderPage);
  });
}
