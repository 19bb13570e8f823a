import { Command, Option } from 'commander';
import type { ListFormat } from '../../../lists/index.js';
import { importFiles, type ImportedFile } from '../../../store/index.js';
import { withStore, type GlobalOptions } from '../../context.js';
import { emit, formatCount, progressReporter, table } from '../../output.js';

interface ImportOptions extends GlobalOptions {
  source?: ListFormat;
  sourceId?: string;
  skipInvalid?: boolean;
}

function render(reports: ImportedFile[]): string {
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
    .option('--json', 'print JSON')
    .action(async (paths: string[], _options: ImportOptions, command: Command) => {
      const options = command.optsWithGlobals<ImportOptions>();
      const progress = progressReporter('importing');
      const reports = await withStore(options, (store) =>
        importFiles(store, paths, {
          ...(options.source !== undefined ? { format: options.source } : {}),
          ...(options.sourceId !== undefined ? { sourceId: options.sourceId } : {}),
          skipInvalid: options.skipInvalid === true,
          onProgress: (_source, read) => progress(read),
        }),
      );
      progress.done();
      emit(reports, options, render);
    });
}
