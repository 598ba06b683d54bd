import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { KeptDraws, runShard, ShardJob, ShardResult } from './shard';

/** Compiled worker entry; present under dist, absent when ts-jest runs the .ts sources. */
export const WORKER_ENTRY = join(__dirname, 'shard.worker.js');

interface Task {
  job: ShardJob;
  onResult: (result: ShardResult) => void;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * A fixed set of worker threads that every run of a replica shares: a run's
 * shard jobs queue, first come first served, and each idle worker takes the
 * next one. Workers start once, not per run, and a run of many shards cannot
 * add threads. Without a compiled worker entry (ts-jest) or with inProcess,
 * jobs run one after another on the calling thread; the results are
 * identical because streams depend only on (seed, signal, block).
 */
export class ShardPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly queue: Task[] = [];
  private closed = false;
  readonly inProcess: boolean;
  private readonly entry: string;

  constructor(
    readonly size: number,
    options: { inProcess?: boolean; entry?: string } = {},
  ) {
    this.entry = options.entry ?? WORKER_ENTRY;
    this.inProcess = options.inProcess ?? !existsSync(this.entry);
    if (!this.inProcess) {
      for (let i = 0; i < size; i++) this.idle.push(this.startWorker());
    }
  }

  /** Shard jobs waiting for a worker, across every run. */
  get queued(): number {
    return this.queue.length;
  }

  /** Runs the jobs; onResult gets (index of the job, result) as each signal finishes. */
  async run(jobs: ShardJob[], onResult: (shard: number, result: ShardResult) => void): Promise<void> {
    if (this.inProcess) {
      const kept: KeptDraws = { values: new Float64Array(0), length: 0 };
      jobs.forEach((job, shard) => {
        for (const signal of job.signals) onResult(shard, runShard(job, signal, kept));
      });
      return;
    }
    if (this.closed) throw new Error('the shard pool is closed');
    await Promise.all(
      jobs.map(
        (job, shard) =>
          new Promise<void>((resolve, reject) => {
            this.queue.push({ job, onResult: (result) => onResult(shard, result), resolve, reject });
            this.dispatch();
          }),
      ),
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error('the shard pool closed'));
    const workers = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const task = this.queue.shift()!;
      this.busy.set(worker, task);
      worker.postMessage(task.job);
    }
  }

  private startWorker(): Worker {
    const worker = new Worker(this.entry);
    worker.on('message', (message: ShardResult | { done: true }) => {
      const task = this.busy.get(worker);
      if (!task) return;
      if ('done' in message) {
        this.busy.delete(worker);
        this.idle.push(worker);
        task.resolve();
        this.dispatch();
      } else {
        task.onResult(message);
      }
    });
    // A worker that fails fails its job only; a fresh one takes its place.
    worker.once('error', (error) => {
      const task = this.busy.get(worker);
      this.busy.delete(worker);
      task?.reject(error);
      if (this.closed) return;
      this.idle.push(this.startWorker());
      this.dispatch();
    });
    return worker;
  }
}
