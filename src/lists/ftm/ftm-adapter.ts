import { SourceId, VigilError, type ListAdapter, type ListRecord } from '../../domain/index.js';
import { emptyStats, ftmRecords, type FtmStats } from './ftm-records.js';

export interface FtmAdapterOptions {
  /** An `entities.ftm.json` (full) or `entities.delta.json` (delta) file. */
  file: string;
  /** The source id entities get; `ftm` unless a dataset should be kept apart. */
  source?: string;
}

/** A ListAdapter that also tells what the last read skipped and folded. */
export interface FtmAdapter extends ListAdapter {
  /** Counts from the most recent complete or partial `records()` iteration. */
  stats(): FtmStats;
}

function checkedSource(source: string | undefined): string {
  const value = source ?? 'ftm';
  const result = SourceId.safeParse(value);
  if (!result.success) {
    throw new VigilError('INVALID_INPUT', `${JSON.stringify(value)} is not a source id: ${result.error.issues[0]?.message ?? ''}`, {
      field: 'source',
    });
  }
  return value;
}

function createAdapter(options: FtmAdapterOptions, mode: 'full' | 'delta'): FtmAdapter {
  const source = checkedSource(options.source);
  let stats = emptyStats();
  return {
    source,
    mode,
    records(): AsyncIterable<ListRecord> {
      stats = emptyStats();
      return ftmRecords({ file: options.file, source, mode }, stats);
    },
    stats: () => stats,
  };
}

/**
 * Reads a FollowTheMoney JSON-lines export (OpenSanctions `entities.ftm.json`) as a full list.
 * Person, Organization, Company, LegalEntity, PublicBody, Vessel and Airplane become entities;
 * Sanction, Identification, Passport, Address and relation entities are folded into them.
 *
 * @example
 * const adapter = createFtmAdapter({ file: 'entities.ftm.json', source: 'ftm' });
 * for await (const record of adapter.records()) if (record.kind === 'entity') store(record.entity);
 */
export function createFtmAdapter(options: FtmAdapterOptions): FtmAdapter {
  return createAdapter(options, 'full');
}

/**
 * Reads an OpenSanctions delta file (`entities.delta.json`: `{"op": "ADD"|"MOD"|"DEL", "entity"}`
 * per line). ADD and MOD yield entities with the folds the delta itself carries; DEL yields
 * `delete`. A folded change whose entity is not in the delta is reported as invalid.
 */
export function createFtmDeltaAdapter(options: FtmAdapterOptions): FtmAdapter {
  return createAdapter(options, 'delta');
}
