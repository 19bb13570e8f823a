import { Command } from 'commander';
import { VigilError } from '../../domain/index.js';
import { createWebhookNotifier } from '../../notify/index.js';
import { runVetting, type VetReport } from '../../vetting/index.js';
import type { GlobalOptions } from '../context.js';
import { emit, formatCount, table } from '../output.js';
import { withAdmin } from './admin-context.js';

interface VetOptions extends GlobalOptions {
  source?: string;
  since?: string;
}

function parseSince(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new VigilError('INVALID_INPUT', `--since must be a version number, not "${value}"`, { field: '--since' });
  return Number(value);
}

/** The vetting runs as a table: `vigil vet` and `vigil lists import` print it. */
export function renderVetReports(reports: VetReport[]): string {
  if (reports.length === 0) return 'nothing to vet: every list version has been vetted';
  return table(
    ['source', 'change', 'added', 'changed', 'removed', 'candidates', 'screened', 'alerts raised', 'alerts closed', 'seconds'],
    reports.map((r) => [
      r.source,
      `${r.from} -> ${r.to}${r.resumed ? ' (resumed)' : ''}`,
      formatCount(r.added),
      formatCount(r.changed),
      formatCount(r.removed),
      formatCount(r.candidates),
      formatCount(r.screened),
      formatCount(r.raised),
      formatCount(r.closed),
      (r.ms.total / 1000).toFixed(1),
    ]),
  );
}

export function vetCommand(): Command {
  return new Command('vet')
    .description('re-vet enrolled subjects against list changes not vetted yet (or since a version) and raise alerts')
    .option('--source <id>', 'only this list source')
    .option('--since <version>', 'vet the change from this version to the current one, even if vetted before')
    .option('--json', 'print JSON')
    .action(async (_options: VetOptions, command: Command) => {
      const options = command.optsWithGlobals<VetOptions>();
      const since = parseSince(options.since);
      const reports = await withAdmin(options, ({ store, audit, actor }) =>
        runVetting(store, {
          ...(options.source !== undefined ? { source: options.source } : {}),
          ...(since !== undefined ? { since } : {}),
          audit,
          actor,
          // Deliveries are queued here and sent by the server's notifier.
          push: { notifier: createWebhookNotifier(store, { deliverOnNotify: false }) },
        }),
      );
      emit(reports, options, renderVetReports);
    });
}
