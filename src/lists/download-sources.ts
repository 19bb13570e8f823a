import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { VigilError } from '../domain/index.js';
import type { ListFormat } from './detect-format.js';
import { DEFAULT_SOURCE_URLS, fetchList, type PreviousDownload } from './fetch/index.js';

/** File names the OFAC trio must keep for the importer to know which file is which. */
const FILE_NAMES: Record<string, Record<string, string>> = {
  'ofac-sdn': { primary: 'sdn.csv', aliases: 'alt.csv', addresses: 'add.csv' },
  'ofac-cons': { primary: 'cons_prim.csv', aliases: 'cons_alt.csv', addresses: 'cons_add.csv' },
  'un-sc': { consolidated: 'consolidated.xml' },
  ftm: { entities: 'entities.ftm.json' },
};

const FORMATS: Record<string, ListFormat> = { 'ofac-sdn': 'ofac-sdn', 'ofac-cons': 'ofac-cons', 'un-sc': 'un-sc', ftm: 'ftm' };

export interface DownloadedSource {
  source: string;
  /** `changed`: at least one file differs from the last download, so it should be imported. */
  status: 'changed' | 'unchanged';
  files: string[];
  format?: ListFormat;
}

export interface DownloadOptions {
  /** Sources to update; all configured ones when empty. */
  sources: string[];
  /** Per-source URL overrides from the configuration. */
  urls: Record<string, Record<string, string>>;
  dataDir: string;
  /** Download and import even when the server says nothing changed. */
  force?: boolean;
  fetchImpl?: typeof fetch;
  retries?: number;
  backoffMs?: number;
}

type DownloadState = Record<string, PreviousDownload>;

async function readState(path: string): Promise<DownloadState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new VigilError('STORE_FAILED', `cannot read ${path}`, { file: path }, { cause: error });
  }
  try {
    return JSON.parse(text) as DownloadState;
  } catch (error) {
    throw new VigilError('STORE_FAILED', `${path} is not valid JSON; delete it to download afresh`, { file: path }, { cause: error });
  }
}

function configuredUrls(urls: DownloadOptions['urls']): Record<string, Record<string, string>> {
  return { ...(DEFAULT_SOURCE_URLS as Record<string, Record<string, string>>), ...urls };
}

/**
 * Downloads each source's files into `<dataDir>/<source>/` with conditional requests, and says
 * which sources changed since the last download. Importing is the caller's next step.
 */
export async function downloadSources(options: DownloadOptions): Promise<DownloadedSource[]> {
  const all = configuredUrls(options.urls);
  const wanted = options.sources.length > 0 ? options.sources : Object.keys(all);
  const results: DownloadedSource[] = [];
  for (const source of wanted) {
    const roles = all[source];
    if (roles === undefined) {
      throw new VigilError('INVALID_INPUT', `no URL is configured for source ${source}; known: ${Object.keys(all).join(', ')}`, { field: 'source' });
    }
    const dir = join(options.dataDir, source);
    await mkdir(dir, { recursive: true });
    const statePath = join(dir, 'state.json');
    const state = await readState(statePath);
    let changed = options.force === true;
    const files: string[] = [];
    for (const [role, url] of Object.entries(roles)) {
      const dest = join(dir, FILE_NAMES[source]?.[role] ?? basename(new URL(url).pathname));
      const previous = options.force === true ? undefined : state[url];
      const result = await fetchList({
        url,
        dest,
        ...(previous !== undefined ? { previous } : {}),
        ...(options.fetchImpl !== undefined ? { fetchImpl: options.fetchImpl } : {}),
        ...(options.retries !== undefined ? { retries: options.retries } : {}),
        ...(options.backoffMs !== undefined ? { backoffMs: options.backoffMs } : {}),
      });
      files.push(dest);
      if (result.status === 'not-modified') continue;
      if (result.status === 'downloaded') changed = true;
      state[url] = {
        sha256: result.sha256,
        ...(result.etag !== undefined ? { etag: result.etag } : {}),
        ...(result.lastModified !== undefined ? { lastModified: result.lastModified } : {}),
      };
    }
    await writeFile(statePath, `${JSON.stringify(state, null, 2)}\n`);
    const format = FORMATS[source];
    results.push({ source, status: changed ? 'changed' : 'unchanged', files, ...(format !== undefined ? { format } : {}) });
  }
  return results;
}
