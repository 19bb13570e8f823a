import type { ScreeningContext, ScreeningPosture, ScreeningResult, Subject } from '../domain/index.js';
import { createScreener, type Screener, type ScreenerOptions } from '../matching/index.js';
import type { Store } from '../store/index.js';
import { applyEnhanced, describePosture, enhancedReason, type AppliedPosture } from './apply-posture.js';
import { buildSnapshot, currentVersions, sameVersions, type IndexSnapshot } from './index-snapshot.js';

export interface EngineScreeningResult extends ScreeningResult {
  /** The list versions this result was screened against. */
  listVersions: Readonly<Record<string, number>>;
  /** The posture in force when it ran, when one was given. */
  posture?: AppliedPosture;
}

export interface ScreenOptions {
  posture?: ScreeningPosture;
  context?: ScreeningContext;
}

interface Active {
  snapshot: IndexSnapshot;
  /** One screener per pair of thresholds in use; postures change rarely, so this stays tiny. */
  screeners: Map<string, Screener>;
}

/**
 * Holds the index snapshot screening uses and swaps it whole when the lists change: a screening
 * runs start to end on one snapshot, and a failed rebuild keeps the previous one.
 */
export class ScreeningEngine {
  private active: Active;
  private refreshing: Promise<boolean> | undefined;

  private constructor(
    private readonly store: Store,
    snapshot: IndexSnapshot,
    private readonly options: ScreenerOptions,
  ) {
    this.active = { snapshot, screeners: new Map() };
  }

  static async open(store: Store, options: ScreenerOptions = {}): Promise<ScreeningEngine> {
    return new ScreeningEngine(store, await buildSnapshot(store), options);
  }

  get snapshot(): IndexSnapshot {
    return this.active.snapshot;
  }

  private screenerFor(active: Active, posture: ScreeningPosture | undefined): Screener {
    const thresholds = posture === undefined ? {} : { reviewThreshold: posture.reviewThreshold, matchThreshold: posture.matchThreshold };
    const key = `${thresholds.reviewThreshold ?? ''}|${thresholds.matchThreshold ?? ''}`;
    let screener = active.screeners.get(key);
    if (screener === undefined) {
      screener = createScreener(active.snapshot.index, { ...this.options, ...thresholds });
      active.screeners.set(key, screener);
    }
    return screener;
  }

  screen(subject: Subject, options: ScreenOptions = {}): EngineScreeningResult {
    const active = this.active;
    const result = this.screenerFor(active, options.posture).screen(subject);
    if (options.posture === undefined) return { ...result, listVersions: active.snapshot.versions };
    const enhanced = enhancedReason(options.posture, options.context ?? {});
    return {
      ...result,
      decision: applyEnhanced(result.decision, enhanced),
      listVersions: active.snapshot.versions,
      posture: describePosture(options.posture, enhanced),
    };
  }

  /** Rebuilds when a list has a new version; resolves true when the snapshot changed. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.rebuildIfChanged().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async rebuildIfChanged(): Promise<boolean> {
    const versions = await currentVersions(this.store);
    if (sameVersions(versions, this.active.snapshot.versions)) return false;
    const snapshot = await buildSnapshot(this.store);
    this.active = { snapshot, screeners: new Map() };
    return true;
  }
}
