import { inverseNormalCdf } from './inverse-normal';
import { selectInPlace } from './select';
import { blockCount, shardBlockRange, ShardJob, ShardResult } from './shard';
import { ShardPool } from './shard-pool';
import { Side, Signal } from './types';

/**
 * Monte-Carlo VaR/ES per signal. Draws are r = mu + sigma·Z with Z standard
 * normal; r is monotone in Z, so quantiles are taken on Z and mapped back.
 * For a SELL the draws are taken as Z = −Z' (Z' from the generator, also
 * N(0,1)), so both sides need only the LOWER tail of Z': shards keep the Z'
 * below a cut-off and the main thread selects among the few percent kept.
 */

export interface TailStats {
  /** k: rank (1-based, from the extreme) of the quantile */
  rank: number;
  /** k-th smallest Z' */
  quantileZ: number;
  /** mean of the k smallest Z' */
  meanTailZ: number;
}

/** Ceil that ignores binary noise such as (1 - 0.95) * 1e6 = 50000.000000000004. */
function ceilTolerant(x: number): number {
  return Math.ceil(x - 1e-7);
}

/**
 * Rank of the quantile counted from the loss side. BUY: the (1−c) quantile,
 * ascending rank ceil((1−c)S). SELL: the c quantile, ascending rank ceil(cS),
 * i.e. rank S − ceil(cS) + 1 from the top.
 */
export function tailRank(side: Side, confidence: number, samples: number): number {
  const rank = side === 'BUY' ? ceilTolerant((1 - confidence) * samples) : samples - ceilTolerant(confidence * samples) + 1;
  return Math.min(samples, Math.max(1, rank));
}

/**
 * Kept fraction: the largest tail fraction plus 10 binomial standard
 * deviations, so the kept draws hold the whole tail except with negligible
 * probability (and a deterministic full rerun covers that case).
 */
export function keepFraction(maxRank: number, samples: number): number {
  const p = maxRank / samples;
  return p + 10 * Math.sqrt((p * (1 - p)) / samples) + 1e-4;
}

export function tailStats(values: Float64Array, ranks: number[]): TailStats[] {
  const order = ranks.map((rank, i) => ({ rank, i })).sort((a, b) => b.rank - a.rank);
  const out: TailStats[] = new Array(ranks.length);
  let hi = values.length - 1;
  for (const { rank, i } of order) {
    const quantileZ = selectInPlace(values, rank - 1, 0, hi);
    let sum = 0;
    for (let j = 0; j < rank; j++) sum += values[j];
    out[i] = { rank, quantileZ, meanTailZ: sum / rank };
    hi = rank - 1; // smaller ranks lie within the part already selected
  }
  return out;
}

export interface SimulationOptions {
  samples: number;
  shards: number;
  seed: number;
  confidenceLevels: number[];
  pool?: ShardPool;
  /** override of the kept fraction (tests use it to force the keep-everything rerun) */
  keepFraction?: number;
  /** called with the number of signals done each time one is merged */
  onSignalDone?: (done: number) => void;
}

/** Tail statistics (in Z') per signal and confidence level. */
export async function simulateTails(signals: Signal[], options: SimulationOptions): Promise<TailStats[][]> {
  const { samples, seed, confidenceLevels } = options;
  const shards = Math.min(options.shards, blockCount(samples));
  const ranks = signals.map((signal) => confidenceLevels.map((c) => tailRank(signal.side, c, samples)));
  const maxRank = Math.max(1, ...ranks.flat());
  const fraction = options.keepFraction ?? keepFraction(maxRank, samples);
  const cutoff = fraction >= 0.5 ? Infinity : inverseNormalCdf(fraction);
  const indices = signals.map((_, i) => i);
  const jobs: ShardJob[] = [];
  for (let r = 0; r < shards; r++) {
    const [blockStart, blockEnd] = shardBlockRange(samples, shards, r);
    jobs.push({ seed, samples, cutoff, keepFraction: fraction, signals: indices, blockStart, blockEnd });
  }

  const results: TailStats[][] = new Array(signals.length);
  const parts: (Float64Array | undefined)[][] = signals.map(() => new Array(shards));
  const received = new Int32Array(signals.length);
  const rerun: number[] = [];
  let done = 0;
  const merge = (signal: number) => {
    const pieces = parts[signal] as Float64Array[];
    const total = pieces.reduce((n, piece) => n + piece.length, 0);
    parts[signal] = [];
    if (total < Math.max(...ranks[signal])) {
      rerun.push(signal);
      return;
    }
    // concatenated in shard order = block order, so the result is independent of R
    const merged = pieces.length === 1 ? pieces[0] : new Float64Array(total);
    if (pieces.length > 1) {
      let offset = 0;
      for (const piece of pieces) {
        merged.set(piece, offset);
        offset += piece.length;
      }
    }
    results[signal] = tailStats(merged, ranks[signal]);
    options.onSignalDone?.(++done);
  };

  const pool = options.pool ?? new ShardPool(shards);
  try {
    await pool.run(jobs, (shard: number, result: ShardResult) => {
      parts[result.signal][shard] = result.values;
      if (++received[result.signal] === shards) merge(result.signal);
    });
    if (rerun.length) {
      // The cut-off kept too few draws: redo those signals keeping every draw (same streams).
      const all = jobs.map((job) => ({ ...job, cutoff: Infinity, keepFraction: 1, signals: rerun }));
      for (const signal of rerun) received[signal] = 0;
      rerun.length = 0;
      await pool.run(all, (shard: number, result: ShardResult) => {
        parts[result.signal][shard] = result.values;
        if (++received[result.signal] === shards) merge(result.signal);
      });
    }
  } finally {
    if (!options.pool) await pool.close();
  }
  return results;
}
