import { createClient } from 'redis';
import { v4 as uuidv4 } from 'uuid';
import { RunExecutor, RunPlan } from '../runs/run-executor';

/** The test machine's Redis (TEST_REDIS_URL, 127.0.0.1:6379 by default). */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * The job queue's two implementations, for specs that run against both: the
 * settings of each, with a key prefix of its own per call on Redis.
 */
export const JOB_QUEUES: Array<[string, () => Record<string, string>]> = [
  ['the in-process queue', () => ({})],
  ['BullMQ on Redis', () => ({ REDIS_URL: TEST_REDIS_URL, VAR_QUEUE_PREFIX: `test-var-${process.pid}-${uuidv4().slice(0, 8)}` })],
];

/** Deletes the keys a test's queue left in Redis. */
export async function removeQueueKeys(env: Record<string, string>): Promise<void> {
  if (!env.REDIS_URL) return;
  const redis = createClient({ url: env.REDIS_URL });
  await redis.connect();
  try {
    const keys: string[] = [];
    for await (const batch of redis.scanIterator({ MATCH: `${env.VAR_QUEUE_PREFIX}:*`, COUNT: 500 })) keys.push(...batch);
    if (keys.length) await redis.del(keys);
  } finally {
    await redis.quit();
  }
}

/**
 * Plans whose computation the test gives, for queued jobs as well: a job is
 * planned again by kind when it runs, so the computation is found by a key in its parameters.
 */
export class TestPlans {
  private readonly computations = new Map<string, RunPlan['execute']>();

  constructor(executor: RunExecutor) {
    executor.plansJobsOf('strategy', async (_userId, params) => {
      const execute = this.computations.get(String(params.key));
      if (!execute) throw new Error(`no computation ${String(params.key)}`);
      return { kind: 'strategy', ticker: 'AAPL', params, draws: 0, execute };
    });
  }

  plan(execute: RunPlan['execute'], draws: number): RunPlan {
    const key = uuidv4();
    this.computations.set(key, execute);
    return { kind: 'strategy', ticker: 'AAPL', params: { key }, draws, execute };
  }
}
