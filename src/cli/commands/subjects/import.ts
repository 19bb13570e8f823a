import { Command } from 'commander';
import { VigilError } from '../../../domain/index.js';
import { enrolmentFor, importSubjects, type ImportSubjectsResult } from '../../../vetting/index.js';
import { configFrom, type GlobalOptions } from '../../context.js';
import { emit, formatCount, progressReporter } from '../../output.js';
import { withAdmin } from '../admin-context.js';

interface ImportOptions extends GlobalOptions {
  channel: string;
  port?: string;
  screenedAt?: string;
  retentionDays?: string;
}

function render(result: ImportSubjectsResult & { file: string; retentionDays: number }): string {
  const lines = [`enrolled ${formatCount(result.enrolled)} subjects, updated ${formatCount(result.updated)}, from ${formatCount(result.lines)} lines of ${result.file}; kept ${result.retentionDays} days after screening`];
  for (const bad of result.bad) lines.push(`line ${bad.line}${bad.id !== undefined ? ` (${bad.id})` : ''}: ${bad.message}`);
  return lines.join('\n');
}

export function importSubjectsCommand(): Command {
  return new Command('import')
    .description('enrol a population for recurrent vetting from JSON lines (the subject contract of `vigil screen`)')
    .argument('<file>', 'JSON lines, one subject per line')
    .option('--channel <channel>', 'the channel they were screened through (decides the default retention)', 'other')
    .option('--port <port>', 'port of entry or post')
    .option('--screened-at <time>', 'when they were screened (ISO-8601; default now)')
    .option('--retention-days <n>', 'days to keep them after screening (default: the channel\'s, from the settings file)')
    .option('--json', 'print JSON')
    .action(async (file: string, _options: ImportOptions, command: Command) => {
      const options = command.optsWithGlobals<ImportOptions>();
      const retentionDays = options.retentionDays === undefined ? enrolmentFor(configFrom(options).vetting, options.channel).retentionDays : Number(options.retentionDays);
      if (!(Number.isInteger(retentionDays) && retentionDays >= 1)) {
        throw new VigilError('INVALID_INPUT', `--retention-days must be a whole number from 1, not "${options.retentionDays ?? ''}"`, { field: '--retention-days' });
      }
      const progress = progressReporter('enrolling');
      const result = await withAdmin(options, async ({ store, audit, actor }) => {
        const imported = await importSubjects(store, file, {
          channel: options.channel,
          retentionDays,
          ...(options.port !== undefined ? { port: options.port } : {}),
          ...(options.screenedAt !== undefined ? { screenedAt: options.screenedAt } : {}),
          onProgress: progress,
        });
        await audit.append({
          actor,
          action: 'subjects.import',
          outcome: 'ok',
          details: { file, channel: options.channel, enrolled: imported.enrolled, updated: imported.updated, bad: imported.bad.length, retentionDays },
        });
        return imported;
      });
      progress.done();
      emit({ ...result, file, retentionDays }, options, render);
      if (result.bad.length > 0) process.exitCode = 2;
    });
}
