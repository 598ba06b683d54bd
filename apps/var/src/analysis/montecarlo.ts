import { inverseNormalCdf } from './inverse-normal';
import { blockCount, shardBlockRange, ShardJob, ShardResult } from './shard';
import { TailStats, tailStats } from './tail-stats';
import { ShardPool } from './shard-pool';
import { Side, Signal } from './types';

/**
 * Monte-Carlo VaR/ES per signal. Draws are r = mu + sigma·Z with Z standard
 * normal; r is monotone in Z, so quantiles are taken on Z and mapped back.
 * For a SELL the draws are taken as Z = −Z' (Z' from the generator, also
 * N(0,1)), so both sides need only the LOWER tail of Z': shards keep the Z'
 * below a cut-off, and the tails are selected among the few percent kept.
 */

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

/**
 * Tail statistics (in Z') per signal and confidence level. With at least as
 * many signals as shards, each shard takes whole signals and works out their
 * tails where the draws are: the calling thread only collects a few numbers a
 * signal, and no kept draws cross threads. With fewer signals, shards split
 * each signal's blocks and their kept draws are merged here. Either way a
 * signal's tails come from its draws in block order, so they do not depend on R.
 */
export async function simulateTails(signals: Signal[], options: SimulationOptions): Promise<TailStats[][]> {
  const { samples, seed, confidenceLevels } = options;
  const ranks = signals.map((signal) => confidenceLevels.map((c) => tailRank(signal.side, c, samples)));
  const maxRank = Math.max(1, ...ranks.flat());
  const fraction = options.keepFraction ?? keepFraction(maxRank, samples);
  const blocks = blockCount(samples);
  const wholeSignals = signals.length >= options.shards;
  const shards = wholeSignals ? options.shards : Math.min(options.shards, blocks);
  const jobsFor = (indices: number[], cutoff: number, keep: number): ShardJob[] =>
    Array.from({ length: shards }, (_, r) => {
      const base = { seed, samples, cutoff, keepFraction: keep };
      if (wholeSignals) return { ...base, signals: indices.filter((_, i) => i % shards === r), blockStart: 0, blockEnd: blocks, ranks };
      const [blockStart, blockEnd] = shardBlockRange(samples, shards, r);
      return { ...base, signals: indices, blockStart, blockEnd };
    });

  const results: TailStats[][] = new Array(signals.length);
  const parts: (Float64Array | undefined)[][] = signals.map(() => new Array(shards));
  const received = new Int32Array(signals.length);
  const rerun: number[] = [];
  let done = 0;
  const finish = (signal: number, tails: TailStats[] | null) => {
    if (!tails) {
      rerun.push(signal);
      return;
    }
    results[signal] = tails;
    options.onSignalDone?.(++done);
  };
  const merge = (signal: number) => {
    const pieces = parts[signal] as Float64Array[];
    const total = pieces.reduce((n, piece) => n + piece.length, 0);
    parts[signal] = [];
    if (total < Math.max(...ranks[signal])) return finish(signal, null);
    // concatenated in shard order = block order
    const merged = pieces.length === 1 ? pieces[0] : new Float64Array(total);
    if (pieces.length > 1) {
      let offset = 0;
      for (const piece of pieces) {
        merged.set(piece, offset);
        offset += piece.length;
      }
    }
    finish(signal, tailStats(merged, ranks[signal]));
  };
  const collect = (shard: number, result: ShardResult) => {
    if ('tails' in result) return finish(result.signal, result.tails);
    parts[result.signal][shard] = result.values;
    if (++received[result.signal] === shards) merge(result.signal);
  };

  const pool = options.pool ?? new ShardPool(shards);
  try {
    await pool.run(jobsFor(signals.map((_, i) => i), fraction >= 0.5 ? Infinity : inverseNormalCdf(fraction), fraction), collect);
    if (rerun.length) {
      // The cut-off kept too few draws: redo those signals keeping every draw (same streams).
      const again = rerun.splice(0);
      for (const signal of again) received[signal] = 0;
      await pool.run(jobsFor(again, Infinity, 1), collect);
    }
  } finally {
    if (!options.pool) await pool.close();
  }
  return results;
}
