import type { Subject } from '../domain/index.js';
import type { Store } from '../store/index.js';
import { enrolValidated } from './enrol.js';

/** Where and for how long one screening's subjects are enrolled. */
export interface EnrolmentRequest {
  channel?: string;
  port?: string;
  retentionDays: number;
}

interface Waiting {
  subjects: readonly Subject[];
  request: EnrolmentRequest;
  resolve: (enrolled: number) => void;
  reject: (error: unknown) => void;
}

/** Subjects waiting for their transaction; past this many, screenings that enrol are refused at once. */
const MAX_WAITING = 20_000;
/** Subjects that start a transaction at once rather than wait for more. */
const FULL_BATCH = 500;

function groupKey(request: EnrolmentRequest): string {
  return JSON.stringify([request.channel ?? null, request.port ?? null, request.retentionDays]);
}

/**
 * Enrolment for a server answering many small screenings: subjects of requests that arrive
 * while a transaction is being written go into the next one together (one per channel, port
 * and retention), so a busy counter costs a transaction every few milliseconds rather than one
 * per traveller. Each request still waits for its own subjects to be committed, and sees the
 * failure if they were not: a traveller is never silently left out of recurrent vetting.
 *
 * @example
 * const enrolments = new EnrolmentQueue(store);
 * await enrolments.enrol(subjects, { channel: 'visa', port: 'GBLHR', retentionDays: 1825 });
 */
export class EnrolmentQueue {
  private waiting: Waiting[] = [];
  private queued = 0;
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;

  /**
   * @param flushMs how long the first waiting subject waits for others to share its
   *   transaction: a transaction costs about as much as a screening, so at a busy counter a few
   *   milliseconds of latency buy most of the throughput back.
   */
  constructor(
    private readonly store: Store,
    private readonly options: { flushMs?: number; now?: () => Date } = {},
  ) {}

  private get now(): () => Date {
    return this.options.now ?? (() => new Date());
  }

  /** Resolves with the number of the subjects now enrolled (new or updated) once they are committed. */
  enrol(subjects: readonly Subject[], request: EnrolmentRequest): Promise<number> {
    if (subjects.length === 0) return Promise.resolve(0);
    if (this.queued + subjects.length > MAX_WAITING) {
      return Promise.reject(new Error(`enrolment is not keeping up (${this.queued} subjects waiting)`));
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ subjects, request, resolve, reject });
      this.queued += subjects.length;
      const flushMs = this.options.flushMs ?? 3;
      if (this.queued >= FULL_BATCH || flushMs <= 0) this.start();
      else if (this.timer === undefined && this.running === undefined) this.timer = setTimeout(() => this.start(), flushMs);
    });
  }

  /** Resolves once everything enrolled so far is written (or has failed). */
  async flush(): Promise<void> {
    while (this.waiting.length > 0 || this.running !== undefined) {
      this.start();
      await this.running;
    }
  }

  private start(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.running !== undefined || this.waiting.length === 0) return;
    this.running = this.drain().finally(() => {
      this.running = undefined;
      // Subjects that arrived as the last transaction finished found it running and set no timer.
      if (this.waiting.length > 0) this.start();
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      const groups = new Map<string, Waiting[]>();
      for (const item of batch) {
        const key = groupKey(item.request);
        const group = groups.get(key);
        if (group === undefined) groups.set(key, [item]);
        else group.push(item);
      }
      for (const group of groups.values()) await this.write(group);
    }
  }

  private async write(group: Waiting[]): Promise<void> {
    const first = group[0] as Waiting;
    const subjects = group.flatMap((item) => item.subjects);
    this.queued -= subjects.length;
    try {
      await enrolValidated(this.store, subjects, { ...first.request, screenedAt: this.now(), now: this.now });
    } catch (error) {
      for (const item of group) item.reject(error);
      return;
    }
    for (const item of group) item.resolve(item.subjects.length);
  }
}
