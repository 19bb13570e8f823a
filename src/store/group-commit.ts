/**
 * Group commit for writes that arrive one at a time and are cheaper together: items that arrive
 * while a batch is being written, or within `flushMs` of the first, go into the next batch;
 * with `flushMs` 0, those that arrive in the same turn of the event loop (requests read
 * together). Under load batches form by themselves while the last one is written, so a window
 * mostly adds latency: clients that wait for their answers then send less.
 * One batch at a time; a batch that filled up starts at once, and items that queued during a
 * write go into the next one without waiting. `write` settles each item (callers keep its
 * promise callbacks in the item); it must not throw.
 *
 * @example
 * const commits = new GroupCommit<Pending>((batch) => writeInOneTransaction(batch), { flushMs: 0, maxBatch: 500 });
 * commits.add(pending);
 */
export class GroupCommit<T> {
  private queue: T[] = [];
  private queuedWeight = 0;
  /** Cancels the pending start, when one is set. */
  private cancelStart: (() => void) | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly write: (batch: T[]) => Promise<void>,
    private readonly options: {
      flushMs: number;
      /** Weight (items, unless `weigh` says otherwise) that starts a batch at once, and most a batch takes. */
      maxBatch: number;
      weigh?: (item: T) => number;
    },
  ) {}

  /** Weight waiting to be written. */
  get queued(): number {
    return this.queuedWeight;
  }

  add(item: T): void {
    this.queue.push(item);
    this.queuedWeight += this.weight(item);
    if (this.queuedWeight >= this.options.maxBatch) this.start();
    else if (this.cancelStart === undefined && this.running === undefined) this.scheduleStart();
  }

  /** Resolves when everything added before the call, and since, is written (or has failed). */
  async flush(): Promise<void> {
    while (this.queue.length > 0 || this.running !== undefined) {
      this.start();
      await this.running;
    }
  }

  private scheduleStart(): void {
    // 0: what arrives in the same turn of the event loop (requests read together) shares a batch.
    if (this.options.flushMs <= 0) {
      const immediate = setImmediate(() => this.start());
      this.cancelStart = () => clearImmediate(immediate);
    } else {
      const timer = setTimeout(() => this.start(), this.options.flushMs);
      this.cancelStart = () => clearTimeout(timer);
    }
  }

  private weight(item: T): number {
    return this.options.weigh?.(item) ?? 1;
  }

  private start(): void {
    this.cancelStart?.();
    this.cancelStart = undefined;
    if (this.running !== undefined || this.queue.length === 0) return;
    this.running = this.drain().finally(() => {
      this.running = undefined;
      // Items queued between the drain's last look and now found it still running and set no
      // timer: they must not be left waiting for an add that may never come.
      if (this.queue.length > 0) this.start();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      let taken = 0;
      let weight = 0;
      // At least one item, however heavy; then up to the batch's weight.
      while (taken < this.queue.length && (taken === 0 || weight + this.weight(this.queue[taken] as T) <= this.options.maxBatch)) {
        weight += this.weight(this.queue[taken] as T);
        taken += 1;
      }
      const batch = this.queue.splice(0, taken);
      this.queuedWeight -= weight;
      await this.write(batch);
    }
  }
}
