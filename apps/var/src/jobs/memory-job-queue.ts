import { JobCounts, JobHandler, JobQueue, QueuedJob } from './job-queue';

/** The embedded mode's queue: an array in this process, run `concurrency` at a time. Lost with the process. */
export class MemoryJobQueue extends JobQueue {
  private readonly waiting: QueuedJob[] = [];
  private readonly running = new Set<string>();
  private handler?: JobHandler;
  private concurrency = 1;
  private closed = false;

  async start(handler: JobHandler, concurrency: number): Promise<void> {
    this.handler = handler;
    this.concurrency = concurrency;
    this.next();
  }

  async add(job: QueuedJob): Promise<void> {
    if (this.running.has(job.runId) || this.waiting.some((queued) => queued.runId === job.runId)) return;
    this.waiting.push(job);
    this.next();
  }

  async counts(): Promise<JobCounts> {
    return { waiting: this.waiting.length, active: this.running.size };
  }

  async heldRunIds(): Promise<string[]> {
    return [...this.running, ...this.waiting.map((job) => job.runId)];
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private next(): void {
    while (this.handler && !this.closed && this.running.size < this.concurrency && this.waiting.length) {
      const job = this.waiting.shift()!;
      this.running.add(job.runId);
      void this.handler(job)
        .catch(() => undefined) // the handler stores and logs its own failures
        .finally(() => {
          this.running.delete(job.runId);
          this.next();
        });
    }
  }
}
