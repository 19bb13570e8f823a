import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Entity, ScreeningResult, Subject } from '../src/domain/index.js';

/** What the evaluation needs from Vigil's engine. */
export interface Screener {
  screen(subject: Subject): ScreeningResult;
}

export interface EngineUnderTest {
  screener: Screener;
  /** Module the engine came from, for the report. */
  module: string;
  /** Hits at or above this score are "at review"; decisions other than clear are alerts. */
  reviewThreshold: number;
  matchThreshold?: number;
  /**
   * Scores one subject against one entity without candidate generation, when the engine offers
   * it: the pairwise metrics then measure scoring alone.
   */
  scorePair?: (subject: Subject, entity: Entity) => number;
  buildMs: number;
}

type Module = Record<string, unknown>;

function isFunction(value: unknown): value is (...args: never[]) => unknown {
  return typeof value === 'function';
}

function hasScreen(value: unknown): value is Screener & { thresholds?: { review?: number; match?: number } } {
  return typeof value === 'object' && value !== null && isFunction((value as { screen?: unknown }).screen);
}

const CANDIDATES = ['../src/screening/index.ts', '../src/matching/index.ts'];

async function importIfPresent(relative: string): Promise<Module | undefined> {
  const path = fileURLToPath(new URL(relative, import.meta.url));
  if (!existsSync(path)) return undefined;
  // A variable specifier: the engine's API is still moving, so it is checked at run time, not compiled against.
  return (await import(pathToFileURL(path).href)) as Module;
}

/**
 * Finds Vigil's engine: `createScreener(entities)`, or `createScreener(buildIndex(entities))`,
 * from src/screening or src/matching. Undefined when neither module offers a screener yet.
 */
export async function loadEngine(entities: readonly Entity[]): Promise<EngineUnderTest | undefined> {
  for (const relative of CANDIDATES) {
    try {
      const found = await tryModule(relative, entities);
      if (found !== undefined) return found;
    } catch (error) {
      // A module whose factory does not take what we pass (an API in flux): say so, try the next.
      process.stderr.write(`engine: ${relative} could not be used: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  return undefined;
}

async function tryModule(relative: string, entities: readonly Entity[]): Promise<EngineUnderTest | undefined> {
  const mod = await importIfPresent(relative);
  if (mod === undefined) return undefined;
  const create = mod['createScreener'];
  const build = mod['buildIndex'];
  if (!isFunction(create)) return undefined;
  const started = performance.now();
  const createFn = create as (arg: unknown, options?: unknown) => unknown;
  let screener: unknown;
  let index: unknown;
  if (isFunction(build)) {
    index = await (build as (e: readonly Entity[]) => unknown)(entities);
    screener = await createFn(index);
  } else {
    screener = await createFn(entities);
  }
  const buildMs = performance.now() - started;
  if (!hasScreen(screener)) return undefined;
  const defaults = mod['DEFAULT_THRESHOLDS'] as { review?: number; match?: number } | undefined;
  const reviewThreshold = screener.thresholds?.review ?? defaults?.review;
  if (reviewThreshold === undefined) {
    throw new Error(`${relative}: the screener states no review threshold (thresholds.review or DEFAULT_THRESHOLDS)`);
  }
  const matchThreshold = screener.thresholds?.match ?? defaults?.match;
  const score = mod['scoreSubject'];
  const scorePair = isFunction(score)
    ? (subject: Subject, entity: Entity): number => {
        const result = (score as (s: Subject, e: Entity, o: unknown) => { score: number })(subject, entity, { index });
        return result.score;
      }
    : undefined;
  return {
    screener,
    module: relative.replace('../', ''),
    reviewThreshold,
    ...(matchThreshold === undefined ? {} : { matchThreshold }),
    ...(scorePair === undefined ? {} : { scorePair }),
    buildMs,
  };
}
