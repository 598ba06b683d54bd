import { Queue, Worker } from 'bullmq';
import { hostname } from 'node:os';
import { createClient } from 'redis';
import { JobCounts, JobHandler, JobQueue, QueuedJob } from './job-queue';

export interface BullJobQueueOptions {
  url: string;
  /** Key prefix: several systems (or test runs) may share one Redis. */
  prefix: string;
  name: string;
  /**
   * How long a replica's hold on a running job lasts without renewal (renewed
   * every half of it while the replica lives). A replica that dies stops
   * renewing: within this time and one stall check more, another replica
   * takes the job back and runs it again.
   */
  lockMs: number;
  /** Jobs waiting at most; the executor refuses more before adding. */
  maxWaiting?: number;
}

/** States a job is waiting in, whatever made it wait. */
const WAITING = ['wait', 'prioritized', 'delayed'] as const;

/**
 * The durable queue: BullMQ on Redis, shared by every var replica. A job is
 * held by the replica running it under a lock it renews; when the replica dies
 * the lock lapses, BullMQ's stall check (any replica's) puts the job back, and
 * another replica runs it. A job may be taken back twice; a third stall fails it.
 */
export class BullJobQueue extends JobQueue {
  private readonly client: ReturnType<typeof createClient>;
  private readonly queue: Queue<QueuedJob>;
  private worker?: Worker<QueuedJob>;

  constructor(private readonly options: BullJobQueueOptions) {
    super();
    // node-redis, which the other apps use too; BullMQ duplicates it for the worker's blocking reads.
    this.client = createClient({ url: options.url });
    this.client.on('error', () => undefined); // reconnects by itself; a call made meanwhile fails and says why
    this.queue = new Queue<QueuedJob>(options.name, { connection: this.client, prefix: options.prefix });
  }

  /** Starts this replica's worker; once: a second call (a restarted bootstrap) must not leave a first worker nobody closes. */
  async start(handler: JobHandler, concurrency: number, givenUp?: JobHandler): Promise<void> {
    if (this.worker) return;
    this.worker = new Worker<QueuedJob>(this.options.name, (job) => handler(job.data), {
      connection: this.client,
      prefix: this.options.prefix,
      // Shown on the job (processedBy): which task ran it.
      name: `${hostname()}:${process.pid}`,
      concurrency,
      lockDuration: this.options.lockMs,
      stalledInterval: this.options.lockMs,
      maxStalledCount: 2,
      // Finished jobs live on in var_runs; Redis keeps only a few for inspection.
      removeOnComplete: { count: 100 },
      removeOnFail: { count: 1000 },
    });
    this.worker.on('error', () => undefined); // connection trouble: the worker retries
    // Also for a job whose holders kept dying: the stall check fails it in whichever replica ran the check.
    this.worker.on('failed', (job) => {
      if (job && givenUp) void givenUp(job.data).catch(() => undefined);
    });
    await this.worker.waitUntilReady();
  }

  async add(job: QueuedJob): Promise<void> {
    // The run's id as the job's: adding the same run twice queues it once.
    await this.queue.add('run', job, { jobId: job.runId, attempts: 1 });
  }

  async counts(): Promise<JobCounts> {
    const counts = await this.queue.getJobCounts(...WAITING, 'active');
    return { waiting: WAITING.reduce((sum, state) => sum + (counts[state] ?? 0), 0), active: counts.active ?? 0 };
  }

  async heldRunIds(): Promise<string[]> {
    const jobs = await this.queue.getJobs([...WAITING, 'active'], 0, (this.options.maxWaiting ?? 10_000) + 1000);
    return jobs.map((job) => job.data?.runId).filter((id): id is string => typeof id === 'string');
  }

  /**
   * Stops at once, without waiting for the jobs this replica runs: their locks
   * lapse and another replica runs them again (an analysis may take minutes,
   * longer than a task's stop timeout).
   */
  async close(): Promise<void> {
    await this.worker?.close(true).catch(() => undefined);
    await this.queue.close().catch(() => undefined);
    if (this.client.isOpen) await this.client.quit().catch(() => undefined);
  }
}
