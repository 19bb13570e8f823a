import { Command } from 'commander';
import { downloadSources, planImports } from '../../../lists/index.js';
import { withStore, type GlobalOptions } from '../../context.js';
import { emit, table } from '../../output.js';

interface UpdateOptions extends GlobalOptions {
  force?: boolean;
}

interface UpdateReport {
  source: string;
  download: 'changed' | 'unchanged';
  import: 'created' | 'unchanged' | 'skipped';
  version?: number;
  added?: number;
  changed?: number;
  removed?: number;
}

export function updateCommand(): Command {
  return new Command('update')
    .description('download sources from their official (or configured) URLs and import what changed')
    .argument('[sources...]', 'source ids (default: every configured source)')
    .option('--force', 'download without conditional requests and import even if unchanged')
    .option('--json', 'print JSON')
    .action(async (sources: string[], _options: UpdateOptions, command: Command) => {
      const options = command.optsWithGlobals<UpdateOptions>();
      const reports = await withStore(options, async (store, config) => {
        const downloads = await downloadSources({ sources, urls: config.sourceUrls, dataDir: config.dataDir, force: options.force === true });
        const done: UpdateReport[] = [];
        for (const download of downloads) {
          if (download.status === 'unchanged') {
            done.push({ source: download.source, download: 'unchanged', import: 'skipped' });
            continue;
          }
          const plans = await planImports(download.files, { ...(download.format !== undefined ? { format: download.format } : {}), sourceId: download.source });
          for (const plan of plans) {
            const publishedAt = plan.adapter.publishedAt?.();
            const result = await store.importList({
              source: plan.source,
              mode: plan.adapter.mode,
              records: plan.adapter.records(),
              fileSha256: plan.fileSha256,
              fileNames: plan.files,
              ...(publishedAt !== undefined ? { publishedAt } : {}),
            });
            done.push({ source: plan.source, download: 'changed', import: result.status, version: result.version.version, added: result.counts.added, changed: result.counts.changed, removed: result.counts.removed });
          }
        }
        return done;
      });
      emit(reports, options, (rows) =>
        table(['source', 'download', 'import', 'version', 'added', 'changed', 'removed'], rows.map((r) => [r.source, r.download, r.import, r.version, r.added, r.changed, r.removed])),
      );
    });
}
