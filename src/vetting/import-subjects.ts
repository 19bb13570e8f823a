import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { Subject, VigilError } from '../domain/index.js';
import type { Store } from '../store/index.js';
import { sql } from 'kysely';
import { enrolMeta, type EnrolOptions } from './enrol-batch.js';
import { enrolPrepared } from './enrol.js';
import { KeyWorker } from './key-worker.js';
import type { SubjectKeys } from './subject-keys.js';

/** A line that was not enrolled, and why. */
export interface BadSubjectLine {
  line: number;
  /** The subject's id when the line had one. */
  id?: string;
  message: string;
}

export interface ImportSubjectsResult {
  /** Non-blank lines read. */
  lines: number;
  enrolled: number;
  updated: number;
  bad: BadSubjectLine[];
}

export interface ImportSubjectsOptions extends Omit<EnrolOptions, 'batchSize'> {
  /** Subjects per enrolment call. Default 10,000. */
  chunkSize?: number;
  /** Called after each chunk with the lines read so far. */
  onProgress?: (lines: number) => void;
}

function parseLine(text: string, line: number): { subject: Subject } | BadSubjectLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { line, message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = Subject.safeParse(value);
  if (parsed.success) return { subject: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  const rawId = value !== null && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
  return { line, ...(typeof rawId === 'string' ? { id: rawId } : {}), message: `${field !== '' ? `${field}: ` : ''}${issue?.message ?? 'invalid subject'}` };
}

/**
 * Enrols a population from JSON lines, one subject per line in the contract of `vigil screen`.
 * Valid lines are enrolled in chunks; bad lines are reported with their line numbers and do not
 * stop the import.
 *
 * @example
 * const { enrolled, bad } = await importSubjects(store, 'travellers.jsonl', { channel: 'visa', retentionDays: 1825 });
 */
export async function importSubjects(store: Store, input: string | Readable, options: ImportSubjectsOptions): Promise<ImportSubjectsResult> {
  const stream = typeof input === 'string' ? createReadStream(input) : input;
  const opened = new Promise<void>((resolve, reject) => {
    if (typeof input !== 'string') {
      resolve();
      return;
    }
    stream.once('open', () => resolve());
    stream.once('error', (error: Error) => reject(new VigilError('INVALID_INPUT', `cannot read ${input}`, { file: input }, { cause: error })));
  });
  await opened;
  const { chunkSize = 10_000, onProgress, ...enrol } = options;
  const meta = enrolMeta(enrol);
  const result: ImportSubjectsResult = { lines: 0, enrolled: 0, updated: 0, bad: [] };
  // The worker analyses the next chunk while this thread writes the last one.
  const worker = new KeyWorker();
  let writing: Promise<void> = Promise.resolve();
  const write = async (keyed: Promise<{ subjects: Subject[]; keys: SubjectKeys[] }>, lines: number): Promise<void> => {
    const { subjects, keys } = await keyed;
    // One transaction a chunk: a bulk load commits seldom.
    const done = await enrolPrepared(store, subjects.map((subject, i) => ({ subject, keys: keys[i] as SubjectKeys })), meta, chunkSize);
    result.enrolled += done.enrolled;
    result.updated += done.updated;
    onProgress?.(lines);
  };
  let chunk: Subject[] = [];
  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return;
    const subjects = chunk;
    chunk = [];
    const keyed = worker.keysOf(subjects).then((keys) => ({ subjects, keys }));
    // At most one chunk written while the next is analysed: memory stays bounded.
    const previous = writing;
    await previous;
    writing = write(keyed, result.lines);
    // Marked as handled until the next flush or the end awaits it, where its failure surfaces.
    writing.catch(() => undefined);
  };
  try {
    let line = 0;
    for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
      line += 1;
      if (text.trim() === '') continue;
      result.lines += 1;
      const parsed = parseLine(text, line);
      if ('subject' in parsed) chunk.push(parsed.subject);
      else result.bad.push(parsed);
      if (chunk.length >= chunkSize) await flush();
    }
    await flush();
    await writing;
  } finally {
    await worker.close();
  }
  // A bulk load changes the tables' shape: without fresh statistics the planner may scan them
  // whole where an index serves (PostgreSQL's autovacuum catches up later; SQLite never does).
  if (result.enrolled >= BULK) {
    for (const table of ['vetting_subjects', 'vetting_subject_keys', 'vetting_terms', 'vetting_postings', 'vetting_joins', 'vetting_documents']) {
      await sql`analyze ${sql.table(table)}`.execute(store.db);
    }
  }
  return result;
}

/** Enrolments from this many subjects on refresh the planner's statistics. */
const BULK = 10_000;
