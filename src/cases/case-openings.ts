import { VigilError } from '../domain/index.js';
import { GroupCommit, type Store } from '../store/index.js';
import type { CaseDb } from './case-tables.js';
import { prepareCase, writeCase, type OpenCaseInput, type OpenedCase, type PreparedCase } from './open-case.js';

interface Waiting {
  prepared: PreparedCase;
  resolve: (opened: OpenedCase) => void;
  reject: (error: unknown) => void;
}

/** Openings that start a transaction at once rather than wait for more. */
const FULL_BATCH = 200;
/** Openings waiting for their transaction; past this many, more are refused at once. */
const MAX_WAITING = 10_000;

/**
 * Case openings for a server answering many screenings at once: openings that arrive while a
 * transaction is being written, or in the same turn of the event loop (or within `flushMs` of the
 * first when given), share the next one (src/store's GroupCommit), so a busy server pays one
 * transaction for many results that are not clear. Each caller still waits until its own case is committed and sees
 * the failure if it was not: a result that needs a case is never answered without one.
 *
 * Each opening runs exactly the statements `openCase` runs, in arrival order, so two openings
 * of the same case in one batch join as they would one after the other.
 *
 * @example
 * const openings = new CaseOpenings(db, store);
 * const { caseId } = await openings.open(input, new Date().toISOString());
 */
export class CaseOpenings {
  private readonly commits: GroupCommit<Waiting>;

  constructor(
    private readonly db: CaseDb,
    private readonly store: Store,
    options: { flushMs?: number } = {},
  ) {
    this.commits = new GroupCommit((batch) => this.write(batch), { flushMs: options.flushMs ?? 0, maxBatch: FULL_BATCH });
  }

  /** Resolves once the case (or the screening joined to an open one) is committed. */
  async open(input: OpenCaseInput, at: string): Promise<OpenedCase> {
    if (this.commits.queued >= MAX_WAITING) throw new VigilError('STORE_FAILED', `cases are not being written fast enough (${MAX_WAITING} waiting); retry`);
    const prepared = await prepareCase(this.store, input, at);
    return new Promise((resolve, reject) => this.commits.add({ prepared, resolve, reject }));
  }

  /** Resolves once every opening so far is written (or has failed). */
  flush(): Promise<void> {
    return this.commits.flush();
  }

  private async write(batch: Waiting[]): Promise<void> {
    const outcomes: Array<{ opened: OpenedCase } | { refused: unknown }> = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        outcomes.length = 0;
        for (const waiting of batch) {
          try {
            outcomes.push({ opened: await writeCase(trx, waiting.prepared) });
          } catch (error) {
            // A CONFLICT is one opening's answer and wrote nothing: the others go on. Anything
            // else fails the transaction, and so every opening in it.
            if (!(error instanceof VigilError && error.code === 'CONFLICT')) throw error;
            outcomes.push({ refused: error });
          }
        }
      });
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    batch.forEach((waiting, index) => {
      const outcome = outcomes[index];
      if (outcome === undefined) waiting.reject(new Error('case opening has no outcome'));
      else if ('opened' in outcome) waiting.resolve(outcome.opened);
      else waiting.reject(outcome.refused);
    });
  }
}
