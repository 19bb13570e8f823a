import { Command, Option } from 'commander';
import type { ListFormat } from '../../../lists/index.js';
import { createWebhookNotifier } from '../../../notify/index.js';
import { importFiles, type ImportedFile } from '../../../store/index.js';
import { isLeaseBusy, runVetting, type VetReport } from '../../../vetting/index.js';
import type { GlobalOptions } from '../../context.js';
import { emit, formatCount, progressReporter, table } from '../../output.js';
import { withAdmin, type AdminContext } from '../admin-context.js';
import { renderVetReports } from '../vet.js';

interface ImportOptions extends GlobalOptions {
  source?: ListFormat;
  sourceId?: string;
  skipInvalid?: boolean;
  vet: boolean;
}

interface ImportOutcome {
  imports: ImportedFile[];
  /** The vetting runs the import started; absent when it changed nothing or vetting was left to another process. */
  vetting?: VetReport[];
  /** Why no vetting run followed a change. */
  vettingDeferred?: string;
}

/** Re-vets enrolled subjects against what the import changed: the point of recurrent vetting. */
async function vetAfterImport(context: AdminContext): Promise<Pick<ImportOutcome, 'vetting' | 'vettingDeferred'>> {
  try {
    const reports = await runVetting(context.store, {
      audit: context.audit,
      actor: context.actor,
      // Deliveries are queued here and sent by the server's notifier.
      push: { notifier: createWebhookNotifier(context.store, { deliverOnNotify: false }) },
    });
    return { vetting: reports };
  } catch (error) {
    if (isLeaseBusy(error)) return { vettingDeferred: error instanceof Error ? error.message : String(error) };
    throw error;
  }
}

function render(outcome: ImportOutcome): string {
  const lines = [renderImports(outcome.imports)];
  if (outcome.vetting !== undefined && outcome.vetting.length > 0) lines.push('', 'recurrent vetting of the change:', renderVetReports(outcome.vetting));
  if (outcome.vettingDeferred !== undefined) lines.push('', `recurrent vetting: ${outcome.vettingDeferred}`);
  return lines.join('\n');
}

function renderImports(reports: ImportedFile[]): string {
  const lines = [
    table(
      ['source', 'version', 'status', 'entities', 'added', 'changed', 'removed', 'skipped'],
      reports.map((r) => [r.source, r.version, r.status, formatCount(r.entities), r.added, r.changed, r.removed, r.skipped.length]),
    ),
  ];
  for (const report of reports) {
    for (const issue of report.skipped) {
      lines.push(`skipped ${issue.file} line ${issue.line}${issue.record !== undefined ? ` record ${issue.record}` : ''}${issue.field !== undefined ? ` field ${issue.field}` : ''}: ${issue.message}`);
    }
  }
  return lines.join('\n');
}

export function importCommand(): Command {
  return new Command('import')
    .description('import list files; each import becomes a new version of its source (OFAC trios are grouped by stem)')
    .argument('<paths...>', 'list files: OFAC sdn/add/alt or cons_* CSV, UN XML, FtM JSON lines, nominations CSV/JSONL')
    .addOption(new Option('--source <format>', 'the format of every file (detected when omitted)').choices(['ofac-sdn', 'ofac-cons', 'un-sc', 'ftm', 'ftm-delta', 'nominations']))
    .option('--source-id <id>', 'store under this source id (for FtM datasets or several nomination lists)')
    .option('--skip-invalid', 'import the valid records and report every invalid one, instead of rejecting the file')
    .option('--no-vet', 'do not re-vet enrolled subjects against the change now (a running server, or `vigil vet`, does it later)')
    .option('--json', 'print JSON')
    .action(async (paths: string[], _options: ImportOptions, command: Command) => {
      const options = command.optsWithGlobals<ImportOptions>();
      const progress = progressReporter('importing');
      const outcome = await withAdmin(options, async (context): Promise<ImportOutcome> => {
        const imports = await importFiles(context.store, paths, {
          ...(options.source !== undefined ? { format: options.source } : {}),
          ...(options.sourceId !== undefined ? { sourceId: options.sourceId } : {}),
          skipInvalid: options.skipInvalid === true,
          onProgress: (_source, read) => progress(read),
        });
        progress.done();
        const changed = imports.some((i) => i.status === 'created');
        return changed && options.vet ? { imports, ...(await vetAfterImport(context)) } : { imports };
      });
      emit(outcome, options, render);
    });
}
