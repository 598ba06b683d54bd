import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { runShardSignal, ShardJob, ShardResult } from './shard';

/** Compiled worker entry; present under dist, absent when ts-jest runs the .ts sources. */
export const WORKER_ENTRY = join(__dirname, 'shard.worker.js');

/**
 * One worker thread per shard. Without a compiled worker entry (ts-jest) or
 * with inProcess, shards run one after another on the calling thread; the
 * results are identical because streams depend only on (seed, signal, block).
 */
export class ShardPool {
  private readonly workers: Worker[] = [];
  readonly inProcess: boolean;

  constructor(
    readonly size: number,
    options: { inProcess?: boolean } = {},
  ) {
    this.inProcess = options.inProcess ?? !existsSync(WORKER_ENTRY);
    if (!this.inProcess) {
      for (let i = 0; i < size; i++) this.workers.push(new Worker(WORKER_ENTRY));
    }
  }

  /** Runs jobs[r] on shard r; onResult gets (shard, result) as each signal finishes. */
  async run(jobs: ShardJob[], onResult: (shard: number, result: ShardResult) => void): Promise<void> {
    if (jobs.length > this.size) throw new Error(`pool has ${this.size} shards, got ${jobs.length} jobs`);
    if (this.inProcess) {
      jobs.forEach((job, shard) => {
        for (const signal of job.signals) onResult(shard, { signal, values: runShardSignal(job, signal) });
      });
      return;
    }
    await Promise.all(
      jobs.map(
        (job, shard) =>
          new Promise<void>((resolve, reject) => {
            const worker = this.workers[shard];
            const onMessage = (message: ShardResult | { done: true }) => {
              if ('done' in message) {
                worker.off('message', onMessage);
                worker.off('error', onError);
                resolve();
              } else {
                onResult(shard, message);
              }
            };
            const onError = (error: Error) => {
              worker.off('message', onMessage);
              reject(error);
            };
            worker.on('message', onMessage);
            worker.once('error', onError);
            worker.postMessage(job);
          }),
      ),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    this.workers.length = 0;
  }
}
