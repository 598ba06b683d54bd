import { selectInPlace } from './select';

/** One confidence level's tail of a signal's standard normals Z'. */
export interface TailStats {
  /** k: rank (1-based, from the extreme) of the quantile */
  rank: number;
  /** k-th smallest Z' */
  quantileZ: number;
  /** mean of the k smallest Z' */
  meanTailZ: number;
}

/**
 * The tail statistics at each rank, selecting in place (values is reordered).
 * Deterministic for a given array: the same draws in the same order give the
 * same sums to the last bit.
 */
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
