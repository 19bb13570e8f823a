/**
 * Group commit for writes that arrive one at a time and are cheaper together: items that arrive
 * while a batch is being written, or within `flushMs` of the first, go into the next batch.
 * One batch at a time; a batch that filled up starts at once, and items that queued during a
 * write go into the next one without waiting. `write` settles each item (callers keep its
 * promise callbacks in the item); it must not throw.
 *
 * @example
 * const commits = new GroupCommit<Pending>((batch) => writeInOneTransaction(batch), { flushMs: 2, maxBatch: 500 });
 * commits.add(pending);
 */
export class GroupCommit<T> {
  private queue: T[] = [];
  private queuedWeight = 0;
  private timer: NodeJS.Timeout | undefined;
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
    else if (this.timer === undefined && this.running === undefined) this.timer = setTimeout(() => this.start(), this.options.flushMs);
  }

  /** Resolves when everything added before the call, and since, is written (or has failed). */
  async flush(): Promise<void> {
    while (this.queue.length > 0 || this.running !== undefined) {
      this.start();
      await this.running;
    }
  }

  private weight(item: T): number {
    return this.options.weigh?.(item) ?? 1;
  }

  private start(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
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
