import { Command } from 'commander';
import type { ListDiff } from '../../../store/index.js';
import { withStore, type GlobalOptions } from '../../context.js';
import { emit, table } from '../../output.js';
import { parseVersionOption } from '../../parse-options.js';

interface DiffOptions extends GlobalOptions {
  from?: string;
  to?: string;
  limit?: string;
}

function render(diff: ListDiff, limit: number): string {
  const section = (title: string, rows: Array<Array<string>>): string => {
    const shown = rows.slice(0, limit);
    const more = rows.length > shown.length ? `\n  ... ${rows.length - shown.length} more (--limit or --json for all)` : '';
    return `${title} (${rows.length})${shown.length > 0 ? `\n${table(['id', 'schema', 'caption', 'fields'], shown)}` : ''}${more}`;
  };
  return [
    `${diff.source}: version ${diff.from} -> ${diff.to}`,
    section('added', diff.added.map((e) => [e.id, e.schema, e.caption, ''])),
    section('changed', diff.changed.map((e) => [e.id, e.schema, e.caption, e.fields.join(',')])),
    section('removed', diff.removed.map((e) => [e.id, e.schema, e.caption, ''])),
  ].join('\n');
}

export function diffCommand(): Command {
  return new Command('diff')
    .description('entities added, changed (with the fields that changed) and removed between two versions')
    .argument('<source>', 'source id, e.g. ofac-sdn')
    .option('--from <version>', 'older version (default: the one before --to)')
    .option('--to <version>', 'newer version (default: current)')
    .option('--limit <n>', 'rows shown per section in text output', '50')
    .option('--json', 'print JSON')
    .action(async (source: string, _options: DiffOptions, command: Command) => {
      const options = command.optsWithGlobals<DiffOptions>();
      const from = parseVersionOption(options.from, '--from');
      const to = parseVersionOption(options.to, '--to');
      const limit = parseVersionOption(options.limit, '--limit') ?? 50;
      const diff = await withStore(options, (store) => store.diff(source, from, to));
      emit(diff, options, (data) => render(data, limit));
    });
}
