import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { VigilError, type ListAdapter } from '../domain/index.js';
import { detectFormat, ofacRoleFromName, type DetectedFile, type ListFormat } from './detect-format.js';
import { createFtmAdapter, createFtmDeltaAdapter } from './ftm/index.js';
import { createNominationsAdapter } from './nominations/index.js';
import { createOfacAdapter } from './ofac/index.js';
import { createUnAdapter } from './un/index.js';

/** One import: the files that together make one version of one source. */
export interface ImportPlan {
  source: string;
  format: ListFormat;
  files: string[];
  /** sha256 over the plan's files, in a fixed order: equal files give an equal hash. */
  fileSha256: string;
  adapter: ListAdapter;
}

export interface PlanOptions {
  /** Forces the format of every path. */
  format?: ListFormat;
  /** Overrides the source id entities get (for FtM datasets and nominations of several agencies). */
  sourceId?: string;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function combinedSha256(files: string[]): Promise<string> {
  if (files.length === 1) return sha256File(files[0] ?? '');
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${await sha256File(file)}\n`);
  return hash.digest('hex');
}

/** The OFAC trio of one date shares a stem: sdn_2021-07.csv, add_2021-07.csv, alt_2021-07.csv. */
function ofacGroupKey(path: string): string {
  const name = basename(path).toLowerCase().replace(/^(cons_(prim|add|alt)|sdn|add|alt)/, '');
  return join(dirname(path), name);
}

interface OfacTrio {
  format: 'ofac-sdn' | 'ofac-cons';
  primary?: string;
  aliases?: string;
  addresses?: string;
}

function buildAdapter(format: ListFormat, file: string, sourceId: string | undefined): ListAdapter {
  switch (format) {
    case 'un-sc':
      return createUnAdapter({ file, source: sourceId ?? 'un-sc' });
    case 'ftm':
      return createFtmAdapter({ file, source: sourceId ?? 'ftm' });
    case 'ftm-delta':
      return createFtmDeltaAdapter({ file, source: sourceId ?? 'ftm' });
    case 'nominations':
      return createNominationsAdapter({ file, source: sourceId ?? 'nominations' });
    case 'ofac-sdn':
    case 'ofac-cons':
      return createOfacAdapter({ source: sourceId ?? format, primary: file });
  }
}

function sourceOf(format: ListFormat, sourceId: string | undefined): string {
  if (sourceId !== undefined) return sourceId;
  return format === 'ftm-delta' ? 'ftm' : format;
}

/**
 * Turns the paths a user named into imports, in the order given: OFAC trios are grouped by
 * their shared stem, every other file is an import of its own.
 */
export async function planImports(paths: string[], options: PlanOptions = {}): Promise<ImportPlan[]> {
  if (paths.length === 0) throw new VigilError('INVALID_INPUT', 'name at least one list file to import');
  const detected: DetectedFile[] = [];
  for (const path of paths) {
    if (options.format !== undefined) {
      const role = ofacRoleFromName(path)?.role;
      detected.push({ path, format: options.format, ...(role !== undefined ? { ofacRole: role } : {}) });
    } else {
      detected.push(await detectFormat(path));
    }
  }

  const plans: ImportPlan[] = [];
  const trios = new Map<string, OfacTrio>();
  const order: Array<{ kind: 'trio'; key: string } | { kind: 'file'; file: DetectedFile }> = [];
  for (const file of detected) {
    if (file.format === 'ofac-sdn' || file.format === 'ofac-cons') {
      const key = `${file.format}|${ofacGroupKey(file.path)}`;
      let trio = trios.get(key);
      if (trio === undefined) {
        trio = { format: file.format };
        trios.set(key, trio);
        order.push({ kind: 'trio', key });
      }
      const role = file.ofacRole ?? 'primary';
      if (trio[role] !== undefined) {
        throw new VigilError('INVALID_INPUT', `two ${role} files for one OFAC import: ${trio[role]} and ${file.path}`, { file: file.path });
      }
      trio[role] = file.path;
    } else {
      order.push({ kind: 'file', file });
    }
  }

  for (const item of order) {
    if (item.kind === 'file') {
      const { path, format } = item.file;
      plans.push({
        source: sourceOf(format, options.sourceId),
        format,
        files: [path],
        fileSha256: await sha256File(path),
        adapter: buildAdapter(format, path, options.sourceId),
      });
      continue;
    }
    const trio = trios.get(item.key);
    if (trio === undefined) continue;
    if (trio.primary === undefined) {
      const named = trio.aliases ?? trio.addresses ?? '';
      throw new VigilError('INVALID_INPUT', `${named}: an OFAC alias or address file needs its primary file (sdn.csv or cons_prim.csv) in the same import`, { file: named });
    }
    const files = [trio.primary, trio.aliases, trio.addresses].filter((f): f is string => f !== undefined);
    const source = options.sourceId ?? trio.format;
    plans.push({
      source,
      format: trio.format,
      files,
      fileSha256: await combinedSha256(files),
      adapter: createOfacAdapter({
        source,
        primary: trio.primary,
        ...(trio.aliases !== undefined ? { aliases: trio.aliases } : {}),
        ...(trio.addresses !== undefined ? { addresses: trio.addresses } : {}),
      }),
    });
  }
  return plans;
}
