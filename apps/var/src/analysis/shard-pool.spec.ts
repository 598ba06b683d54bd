import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ShardJob, ShardResult } from './shard';
import { ShardPool } from './shard-pool';

/**
 * A stand-in worker speaking the shard worker's protocol: one message per
 * signal ([threadId, blockStart]) after `blockEnd` ms of work, then done; a
 * job with seed -1 throws, as a crashing shard would.
 */
const ECHO_WORKER = `
const { parentPort, threadId } = require('node:worker_threads');
parentPort.on('message', (job) => {
  if (job.seed === -1) throw new Error('shard crashed');
  const until = Date.now() + job.blockEnd;
  while (Date.now() < until);
  for (const signal of job.signals) parentPort.postMessage({ signal, values: new Float64Array([threadId, job.blockStart]) });
  parentPort.postMessage({ done: true });
});
`;

/** The echo worker answers with draws, never tails. */
const values = (result: ShardResult) => ('values' in result ? result.values : new Float64Array(2).fill(NaN));

describe('ShardPool shared by runs', () => {
  let pool: ShardPool;

  beforeAll(() => {
    const entry = join(mkdtempSync(join(tmpdir(), 'shard-pool-')), 'echo.worker.js');
    writeFileSync(entry, ECHO_WORKER);
    pool = new ShardPool(2, { entry });
  });
  afterAll(() => pool.close());

  const job = (blockStart: number, fields: Partial<ShardJob> = {}): ShardJob => ({
    seed: 1,
    samples: 10,
    cutoff: Infinity,
    keepFraction: 1,
    signals: [0, 1],
    blockStart,
    blockEnd: 20,
    ...fields,
  });

  async function runOf(blocks: number[]) {
    const seen: Array<{ shard: number; signal: number; thread: number; block: number }> = [];
    await pool.run(
      blocks.map((block) => job(block)),
      (shard, result) => seen.push({ shard, signal: result.signal, thread: values(result)[0], block: values(result)[1] }),
    );
    return seen;
  }

  it('runs more jobs than it has workers, from several runs at once, on its own threads only', async () => {
    const [first, second] = await Promise.all([runOf([0, 1, 2, 3]), runOf([10, 11, 12, 13, 14])]);
    // Every job of each run answered for each signal, under its own index.
    expect(first.map(({ shard, block }) => [shard, block]).sort()).toEqual([0, 0, 1, 1, 2, 2, 3, 3].map((s) => [s, s]).sort());
    expect(new Set(second.map(({ shard, block }) => `${shard}:${block}`))).toEqual(new Set([0, 1, 2, 3, 4].map((s) => `${s}:${10 + s}`)));
    // Two threads did all nine jobs: no run started workers of its own.
    expect(new Set([...first, ...second].map(({ thread }) => thread)).size).toBe(2);
  });

  it('fails only the job whose worker crashed, and carries on with a fresh worker', async () => {
    const crashed = pool.run([job(0, { seed: -1 })], () => undefined);
    const healthy = runOf([5, 6, 7]);
    await expect(crashed).rejects.toThrow('shard crashed');
    expect((await healthy).map(({ block }) => block).sort()).toEqual([5, 5, 6, 6, 7, 7]);
    expect(await runOf([8, 9])).toHaveLength(4);
  });
});
