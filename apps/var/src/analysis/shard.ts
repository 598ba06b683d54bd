import { drawLowerTail } from './normal';
import { streamFor } from './random';

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
}

export interface ShardResult {
  signal: number;
  values: Float64Array;
}

export function blockCount(samples: number): number {
  return Math.ceil(samples / BLOCK_SIZE);
}

export function shardBlockRange(samples: number, shards: number, shard: number): [number, number] {
  const blocks = blockCount(samples);
  return [Math.floor((shard * blocks) / shards), Math.floor(((shard + 1) * blocks) / shards)];
}

/** The kept tail of one signal's draws in this shard's blocks, in block order. */
export function runShardSignal(job: ShardJob, signal: number): Float64Array {
  const draws = Math.min(job.samples, job.blockEnd * BLOCK_SIZE) - job.blockStart * BLOCK_SIZE;
  if (draws <= 0) return new Float64Array(0);
  const expected = Math.ceil(draws * Math.min(1, job.keepFraction) * 1.05) + 1024;
  const out = { values: new Float64Array(Math.min(draws, expected)), length: 0 };
  for (let block = job.blockStart; block < job.blockEnd; block++) {
    const length = Math.min(BLOCK_SIZE, job.samples - block * BLOCK_SIZE);
    drawLowerTail(streamFor(job.seed, signal, block), streamFor(job.seed, signal, block, 1), length, job.cutoff, out);
  }
  return out.length === out.values.length ? out.values : out.values.slice(0, out.length);
}
