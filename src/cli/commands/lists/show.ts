import type { Command } from 'commander';
import type { ListVersion, SourceSummary } from '../../../store/index.js';
import { withStore, type GlobalOptions } from '../../context.js';
import { emit, formatCount, table } from '../../output.js';

interface ListsOverview {
  sources: Array<SourceSummary & { versions: ListVersion[] }>;
}

function render(overview: ListsOverview): string {
  if (overview.sources.length === 0) return 'no lists imported yet: run `vigil lists import <files>`';
  const blocks = overview.sources.map((source) => {
    const header = `${source.source}: current version ${source.currentVersion ?? '-'}, ${formatCount(source.entityCount)} entities`;
    const rows = source.versions.map((v) => [v.version, v.importedAt, v.publishedAt ?? '', formatCount(v.entityCount), v.added, v.changed, v.removed, v.fileSha256.slice(0, 12)]);
    return `${header}\n${table(['version', 'imported', 'published', 'entities', 'added', 'changed', 'removed', 'sha256'], rows)}`;
  });
  return blocks.join('\n\n');
}

/** `vigil lists` with no subcommand: sources, their versions and counts. */
export async function showLists(command: Command): Promise<void> {
  const options = command.optsWithGlobals<GlobalOptions>();
  const overview = await withStore(options, async (store) => {
    const sources = await store.listSources();
    const withVersions = [];
    for (const source of sources) withVersions.push({ ...source, versions: await store.listVersions(source.source) });
    return { sources: withVersions };
  });
  emit(overview, options, render);
}
