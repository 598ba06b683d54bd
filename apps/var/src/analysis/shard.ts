import { drawLowerTail } from './normal';
import { streamFor } from './random';
import { TailStats, tailStats } from './tail-stats';

/**
 * Each signal's S draws are cut into fixed blocks, each with its own stream
 * (seed, signal, block). Shards take contiguous block ranges, so the draws,
 * and the order they are merged in, are the same for any R.
 */
export const BLOCK_SIZE = 16_384;

export interface ShardJob {
  seed: number;
  samples: number;
  /** keep only standard normals below this (Infinity keeps all) */
  cutoff: number;
  /** expected kept fraction, to size buffers */
  keepFraction: number;
  signals: number[];
  blockStart: number;
  blockEnd: number;
  /**
   * Set when the shard holds every block of its signals: it then answers each
   * signal's tail statistics at these ranks (by signal index), worked out
   * where the draws are, instead of sending its kept draws to be merged.
   */
  ranks?: number[][];
}

/**
 * A shard's answer for one signal: its kept draws (a block range), or the
 * signal's tail statistics (whole signals), null when the cut-off kept fewer
 * draws than the largest rank.
 */
export type ShardResult = { signal: number; values: Float64Array } | { signal: number; tails: TailStats[] | null };

/** Kept draws of the whole-signal shards, reused from signal to signal: no fresh half-megabyte array per signal. */
export interface KeptDraws {
  values: Float64Array;
  length: number;
}

export function blockCount(samples: number): number {
  return Math.ceil(samples / BLOCK_SIZE);
}

export function shardBlockRange(samples: number, shards: number, shard: number): [number, number] {
  const blocks = blockCount(samples);
  return [Math.floor((shard * blocks) / shards), Math.floor(((shard + 1) * blocks) / shards)];
}

/** The kept tail of one signal's draws in this shard's blocks, in block order; into `kept` when given (a view of it is returned). */
export function runShardSignal(job: ShardJob, signal: number, kept?: KeptDraws): Float64Array {
  const draws = Math.min(job.samples, job.blockEnd * BLOCK_SIZE) - job.blockStart * BLOCK_SIZE;
  if (draws <= 0) return new Float64Array(0);
  const expected = Math.min(draws, Math.ceil(draws * Math.min(1, job.keepFraction) * 1.05) + 1024);
  const out = kept ?? { values: new Float64Array(expected), length: 0 };
  out.length = 0;
  if (out.values.length < expected) out.values = new Float64Array(expected);
  for (let block = job.blockStart; block < job.blockEnd; block++) {
    const length = Math.min(BLOCK_SIZE, job.samples - block * BLOCK_SIZE);
    drawLowerTail(streamFor(job.seed, signal, block), streamFor(job.seed, signal, block, 1), length, job.cutoff, out);
  }
  if (kept) return out.values.subarray(0, out.length);
  return out.length === out.values.length ? out.values : out.values.slice(0, out.length);
}

/** One signal's answer of a shard job: its tail statistics when the job holds whole signals, else its kept draws. */
export function runShard(job: ShardJob, signal: number, kept: KeptDraws): ShardResult {
  const ranks = job.ranks?.[signal];
  if (!ranks) return { signal, values: runShardSignal(job, signal) };
  const values = runShardSignal(job, signal, kept);
  return { signal, tails: values.length < Math.max(...ranks) ? null : tailStats(values, ranks) };
}
