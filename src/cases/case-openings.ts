import { VigilError } from '../domain/index.js';
import { GroupCommit } from '../store/index.js';
import type { CaseDb } from './case-tables.js';
import { writeCase, type OpenedCase, type PreparedCase } from './open-case.js';

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
 * Where prepared case openings are written: here (`CaseOpenings`), or elsewhere (a server's
 * write thread, which has its own connection). Resolves once the case is committed.
 */
export interface CaseWrites {
  write(prepared: PreparedCase): Promise<OpenedCase>;
  flush(): Promise<void>;
}

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
 * const openings = new CaseOpenings(db);
 * const { caseId } = await openings.write(await prepareCase(store, input, new Date().toISOString()));
 */
export class CaseOpenings implements CaseWrites {
  private readonly commits: GroupCommit<Waiting>;

  constructor(
    private readonly db: CaseDb,
    options: { flushMs?: number } = {},
  ) {
    this.commits = new GroupCommit((batch) => this.writeBatch(batch), { flushMs: options.flushMs ?? 0, maxBatch: FULL_BATCH });
  }

  /** Writes a prepared opening in the next shared transaction; resolves once it is committed. */
  write(prepared: PreparedCase): Promise<OpenedCase> {
    if (this.commits.queued >= MAX_WAITING) return Promise.reject(new VigilError('STORE_FAILED', `cases are not being written fast enough (${MAX_WAITING} waiting); retry`));
    return new Promise((resolve, reject) => this.commits.add({ prepared, resolve, reject }));
  }

  /** Resolves once every opening so far is written (or has failed). */
  flush(): Promise<void> {
    return this.commits.flush();
  }

  private async writeBatch(batch: Waiting[]): Promise<void> {
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
