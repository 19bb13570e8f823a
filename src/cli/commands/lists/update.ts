import { Command } from 'commander';
import { downloadSources } from '../../../lists/index.js';
import { importFiles } from '../../../store/index.js';
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
          const imported = await importFiles(store, download.files, { ...(download.format !== undefined ? { format: download.format } : {}), sourceId: download.source });
          for (const result of imported) {
            done.push({ source: result.source, download: 'changed', import: result.status, version: result.version, added: result.added, changed: result.changed, removed: result.removed });
          }
        }
        return done;
      });
      emit(reports, options, (rows) =>
        table(['source', 'download', 'import', 'version', 'added', 'changed', 'removed'], rows.map((r) => [r.source, r.download, r.import, r.version, r.added, r.changed, r.removed])),
      );
    });
}
