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

/** What one block of input lines gave: its output lines (each ending in `\n`) and counts. */
export interface ScreenedBlock {
  output: string;
  subjects: number;
  failed: number;
}

/**
 * Screens a block of input lines (joined by `\n`, the first numbered `firstLine`), skipping
 * blank ones, and returns the output as one string: a worker sends it back as one message, and
 * the main thread writes it as it is.
 */
export function screenBlock(screener: Screener, text: string, firstLine: number, options: LineOptions = {}): ScreenedBlock {
  let output = '';
  let subjects = 0;
  let failed = 0;
  let lineNumber = firstLine;
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    const line = end < 0 ? text.slice(start) : text.slice(start, end);
    if (line.trim() !== '') {
      const screened = screenLine(screener, line, lineNumber, options);
      output += `${screened.output}\n`;
      subjects += 1;
      if (screened.failed) failed += 1;
    }
    if (end < 0) break;
    start = end + 1;
    lineNumber += 1;
  }
  return { output, subjects, failed };
}
