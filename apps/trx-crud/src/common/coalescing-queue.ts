export interface CoalescingQueueOptions {
  /** The most items one batch carries. */
  maxBatch: number;
  /** How many batches may be in flight at once. */
  concurrency: number;
}

interface Waiting<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (reason: unknown) => void;
}

/**
 * Hands items to `flush` in batches, so that work done once per batch (a
 * commit and its fsync, a message to another service) is shared by every item
 * that arrived meanwhile. An item waits only for the items of its own event
 * loop turn while a slot is free, and otherwise for a batch in flight to end:
 * alone it goes at once, under load batches grow by themselves.
 *
 * `flush` answers each item by its position; one item's failure is its own.
 */
export class CoalescingQueue<I, O> {
  private waiting: Waiting<I, O>[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly flush: (items: I[]) => Promise<PromiseSettledResult<O>[]>,
    private readonly options: CoalescingQueueOptions,
  ) {}

  push(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.options.concurrency || this.waiting.length === 0) return;
    this.scheduled = true;
    // The messages of one socket read are handled in one turn: let them all join.
    setImmediate(() => {
      this.scheduled = false;
      this.startBatch();
    });
  }

  private startBatch(): void {
    if (this.inFlight >= this.options.concurrency || this.waiting.length === 0) return;
    const batch = this.waiting.splice(0, this.options.maxBatch);
    this.inFlight += 1;
    void this.run(batch).finally(() => {
      this.inFlight -= 1;
      this.schedule();
    });
    this.schedule();
  }

  private async run(batch: Waiting<I, O>[]): Promise<void> {
    try {
      const results = await this.flush(batch.map((entry) => entry.item));
      batch.forEach((entry, index) => {
        const result = results[index];
        if (result?.status === 'fulfilled') entry.resolve(result.value);
        else entry.reject(result ? result.reason : new Error('the batch gave no answer for this item'));
      });
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  }
}
