import { createAuditAppender, type AuditAppender, type AuditInput, type PreparedAuditRecord } from '../audit/index.js';
import { openingRecord, writeCaseWithin, type CaseOpening, type OpenedCase } from '../cases/index.js';
import { VigilError, type Subject } from '../domain/index.js';
import { GroupCommit, type Store } from '../store/index.js';
import { journalWithin, prepareEnrolment, type EnrolmentRequest, type JournalIndexer, type PreparedEnrolment } from '../vetting/index.js';

/** Subjects a screening enrols for recurrent vetting, and where and for how long. */
export interface EnrolmentWrite {
  subjects: readonly Subject[];
  request: EnrolmentRequest;
}

/** Everything a screening writes before it answers. */
export interface ScreeningJob {
  /** The cases its results that are not clear open or join (cases' `prepareReview`). */
  openings: readonly CaseOpening[];
  /** Its subjects' enrolment for recurrent vetting, when it enrols. */
  enrolment?: EnrolmentWrite;
  /** Its audit record; the ids of its cases are added to the details (`caseIds`). */
  record: AuditInput;
}

/**
 * What a screening writes before it answers, as one job: the cases of its results that are not
 * clear, its subjects' enrolment, and its audit record (which names the cases and says the
 * subjects were enrolled) beside the records of the cases it created, all committed together.
 * Resolves with the opened cases in the openings' order.
 *
 * Rejects with CONFLICT when a case it matched was decided meanwhile (the cases it did open are
 * kept and audited, nothing else of it is written), with INVALID_INPUT for a bad enrolment or
 * record, and with AUDIT_FAILED when the transaction failed: then none of it was stored.
 */
export interface ScreeningWrites {
  commit(job: ScreeningJob): Promise<OpenedCase[]>;
  /** Resolves once every job so far is written (or has failed). */
  flush(): Promise<void>;
}

interface Waiting {
  job: ScreeningJob;
  /** Its record when it opens no case: nothing in it waits for the transaction. */
  record: PreparedAuditRecord | undefined;
  enrolment: PreparedEnrolment | undefined;
  resolve: (opened: OpenedCase[]) => void;
  reject: (error: unknown) => void;
}

type Outcome = { opened: OpenedCase[] } | { refused: unknown };

/** The screening's record naming the cases it opened or joined. */
function namingCases(record: AuditInput, opened: readonly OpenedCase[]): AuditInput {
  return { ...record, details: { ...record.details, caseIds: opened.map((c) => c.caseId) } };
}

/** Subjects and jobs that start a transaction at once rather than wait for more. */
const FULL_BATCH = 500;
/** Past this many waiting, screenings are refused at once rather than queue without end. */
const MAX_WAITING = 20_000;

/**
 * Screening writes in shared transactions (src/store's GroupCommit): the jobs that arrive while
 * a transaction is being written, or in the same turn of the event loop, go into the next one,
 * with their cases, enrolments and records. One commit a batch instead of one for the cases,
 * one for the enrolments and one for the records: each of those waited for the one before, and
 * on SQLite every commit writes its pages to the log again.
 *
 * @example
 * const screenings = new ScreeningCommits(store);
 * const opened = await screenings.commit({ openings, enrolment, record });
 */
export class ScreeningCommits implements ScreeningWrites {
  private readonly commits: GroupCommit<Waiting>;
  private readonly appender: AuditAppender;
  private readonly now: () => Date;
  /** Indexes the journaled enrolments when screenings pause (vetting's JournalIndexer). */
  private readonly indexer: JournalIndexer | undefined;

  constructor(
    private readonly store: Store,
    options: { now?: () => Date; indexer?: JournalIndexer } = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.indexer = options.indexer;
    this.appender = createAuditAppender(store, { now: this.now });
    this.commits = new GroupCommit((batch) => this.write(batch), { flushMs: 0, maxBatch: FULL_BATCH, weigh: (waiting) => 1 + (waiting.enrolment?.subjects.length ?? 0) });
  }

  commit(job: ScreeningJob): Promise<OpenedCase[]> {
    if (this.commits.queued >= MAX_WAITING) {
      return Promise.reject(new VigilError('AUDIT_FAILED', `screenings are not being written fast enough (${this.commits.queued} waiting); the screening was not done`));
    }
    let enrolment: PreparedEnrolment | undefined;
    let record: PreparedAuditRecord | undefined;
    try {
      // Checked, and the subjects' keys computed, before the transaction: a bad one fails alone.
      const prepared = this.appender.prepare(namingCases(job.record, []));
      record = job.openings.length === 0 ? prepared : undefined;
      enrolment = job.enrolment === undefined ? undefined : prepareEnrolment(job.enrolment.subjects, job.enrolment.request);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => this.commits.add({ job, record, enrolment, resolve, reject }));
  }

  flush(): Promise<void> {
    return this.commits.flush();
  }

  private async write(batch: Waiting[]): Promise<void> {
    let outcomes: Outcome[] = [];
    let journaled = 0;
    try {
      await this.store.db.transaction().execute(async (trx) => {
        outcomes = [];
        const records: PreparedAuditRecord[] = [];
        const enrolments: PreparedEnrolment[] = [];
        for (const { job, record: ready, enrolment } of batch) {
          const outcome = await this.writeCases(trx, job, records);
          outcomes.push(outcome);
          if ('refused' in outcome) continue;
          let record: PreparedAuditRecord;
          try {
            record = ready ?? this.appender.prepare(namingCases(job.record, outcome.opened));
          } catch (error) {
            // Its details grew past their limit with the case ids: its cases stand, audited.
            outcomes[outcomes.length - 1] = { refused: error };
            continue;
          }
          records.push(record);
          if (enrolment !== undefined) enrolments.push(enrolment);
        }
        journaled = await journalWithin(trx, this.store, enrolments, this.now);
        await this.appender.appendWithin(trx, records);
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const failure = new VigilError('AUDIT_FAILED', `the screening's cases, enrolment and audit record could not be stored: ${reason}`, { screenings: batch.length }, { cause: error });
      for (const waiting of batch) waiting.reject(failure);
      return;
    }
    this.indexer?.written(journaled);
    batch.forEach((waiting, index) => {
      const outcome = outcomes[index];
      if (outcome === undefined) waiting.reject(new Error('screening write has no outcome'));
      else if ('opened' in outcome) waiting.resolve(outcome.opened);
      else waiting.reject(outcome.refused);
    });
  }

  /** A job's case openings, and the records of the cases it created (whatever else happens to it). */
  private async writeCases(trx: Store['db'], job: ScreeningJob, records: PreparedAuditRecord[]): Promise<Outcome> {
    const opened: OpenedCase[] = [];
    let refused: unknown;
    for (const opening of job.openings) {
      let outcome: OpenedCase;
      try {
        outcome = await writeCaseWithin(trx, opening.prepared);
      } catch (error) {
        // The open case it matched was decided meanwhile, and nothing was written for it: this
        // screening fails (it may simply be sent again), the others in the transaction go on.
        if (!(error instanceof VigilError && error.code === 'CONFLICT')) throw error;
        refused ??= error;
        continue;
      }
      opened.push(outcome);
      if (outcome.created) records.push(this.appender.prepare(openingRecord(opening, outcome)));
    }
    return refused === undefined ? { opened } : { refused };
  }
}
