import { Command, Option } from 'commander';
import { VigilError } from '../../domain/index.js';
import { listAlerts, type Alert, type AlertFilter } from '../../vetting/index.js';
import type { GlobalOptions } from '../context.js';
import { emit, table } from '../output.js';
import { withAdmin } from './admin-context.js';

interface AlertsOptions extends GlobalOptions {
  status?: 'open' | 'closed';
  since?: string;
  entity?: string;
  subject?: string;
  limit?: string;
}

function render(alerts: Alert[]): string {
  if (alerts.length === 0) return 'no alerts';
  return table(
    ['raised', 'status', 'subject', 'entity', 'score', 'list change', 'name matched'],
    alerts.map((a) => [
      a.createdAt.slice(0, 19).replace('T', ' '),
      a.status === 'open' ? 'open' : `closed: ${a.closeReason ?? ''}`,
      a.subjectId,
      `${a.entityId} ${a.caption}`,
      a.score.toFixed(2),
      `${a.change.source} ${a.change.from}->${a.change.to} ${a.change.kind}${a.change.fields !== undefined ? ` (${a.change.fields.join(', ')})` : ''}`,
      a.matchedName,
    ]),
  );
}

export function alertsCommand(): Command {
  return new Command('alerts')
    .description('alerts raised by recurrent vetting, oldest first (every read is audited)')
    .addOption(new Option('--status <status>', 'only open or closed alerts').choices(['open', 'closed']))
    .option('--since <time>', 'only alerts raised at or after this ISO-8601 date or time')
    .option('--entity <id>', 'only alerts on this listed entity')
    .option('--subject <id>', 'only alerts on this enrolled subject')
    .option('--limit <n>', 'at most this many (default 1000, at most 10000)')
    .option('--json', 'print JSON')
    .action(async (_options: AlertsOptions, command: Command) => {
      const options = command.optsWithGlobals<AlertsOptions>();
      const limit = options.limit === undefined ? undefined : Number(options.limit);
      if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 10_000)) {
        throw new VigilError('INVALID_INPUT', `--limit must be a whole number from 1 to 10000, not "${options.limit ?? ''}"`, { field: '--limit' });
      }
      const filter: AlertFilter = {
        ...(options.status !== undefined ? { status: options.status } : {}),
        ...(options.since !== undefined ? { since: options.since } : {}),
        ...(options.entity !== undefined ? { entityId: options.entity } : {}),
        ...(options.subject !== undefined ? { subjectId: options.subject } : {}),
        ...(limit !== undefined ? { limit } : {}),
      };
      const alerts = await withAdmin(options, async ({ store, audit, actor }) => {
        const found = await listAlerts(store, filter);
        // Alerts name people: the read is recorded before anything is shown.
        await audit.append({
          actor,
          action: 'alert.read',
          subjectIds: [...new Set(found.map((a) => a.subjectId))],
          entityIds: [...new Set(found.map((a) => a.entityId))],
          outcome: 'ok',
          details: { count: found.length, filter: { ...filter } },
        });
        return found;
      });
      emit(alerts, options, render);
    });
}
