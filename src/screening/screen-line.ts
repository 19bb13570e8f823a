import { Subject, type ScreeningResult } from '../domain/index.js';
import type { Screener } from '../matching/index.js';

/** One output line of `vigil screen`, and whether the input line failed. */
export interface ScreenedLine {
  output: string;
  failed: boolean;
}

export interface LineOptions {
  /** At most this many hits per result (all when undefined). */
  maxHits?: number;
}

function readableId(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

function failure(id: string | undefined, error: string): ScreenedLine {
  return { output: JSON.stringify(id !== undefined ? { id, error } : { error }), failed: true };
}

/** Parses one JSON line into a subject, or says what is wrong with it. */
export function parseSubjectLine(line: string, lineNumber: number): { subject: Subject } | { id?: string; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { error: `line ${lineNumber}: not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = Subject.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    const id = readableId(value);
    return { ...(id !== undefined ? { id } : {}), error: `line ${lineNumber}: ${field !== '' ? `${field}: ` : ''}${issue?.message ?? 'invalid subject'}` };
  }
  return { subject: parsed.data };
}

export function limitHits(result: ScreeningResult, maxHits: number | undefined): ScreeningResult {
  return maxHits === undefined || result.hits.length <= maxHits ? result : { ...result, hits: result.hits.slice(0, maxHits) };
}

/** Screens one input line of the `vigil screen` contract; never throws for bad input. */
export function screenLine(screener: Screener, line: string, lineNumber: number, options: LineOptions = {}): ScreenedLine {
  const parsed = parseSubjectLine(line, lineNumber);
  if (!('subject' in parsed)) return failure(parsed.id, parsed.error);
  return { output: JSON.stringify(limitHits(screener.screen(parsed.subject), options.maxHits)), failed: false };
}
