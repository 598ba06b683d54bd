/** The distribution of simulated or historical portfolio P&L, binned for a chart. */
export interface PnlHistogram {
  /** scenarios counted (every one falls in a bin) */
  scenarios: number;
  binWidth: number;
  /** ascending, adjacent: bin i covers [from, to), the last one [from, to] */
  bins: { from: number; to: number; count: number }[];
}

export const HISTOGRAM_MIN_BINS = 50;
export const HISTOGRAM_MAX_BINS = 100;

/** √S bins (a common rule), kept within 50..100 so the chart reads the same for 20 windows or 2 million draws. */
export function histogramBins(scenarios: number): number {
  return Math.min(HISTOGRAM_MAX_BINS, Math.max(HISTOGRAM_MIN_BINS, Math.ceil(Math.sqrt(scenarios))));
}

/**
 * Bins the P&L (−loss) of each scenario into equal-width bins spanning
 * the smallest to the largest. Edges are rounded to cents on output only;
 * counting uses the exact values, so no scenario is lost between bins.
 */
export function pnlHistogram(losses: Float64Array, binCount = histogramBins(losses.length)): PnlHistogram {
  let low = Infinity;
  let high = -Infinity;
  for (const loss of losses) {
    low = Math.min(low, -loss);
    high = Math.max(high, -loss);
  }
  if (losses.length === 0) return { scenarios: 0, binWidth: 0, bins: [] };
  // Every scenario alike (a holding that never moved): cent-wide bins centred on that value.
  const width = high > low ? (high - low) / binCount : 0.01;
  if (high === low) low -= (width * binCount) / 2;
  const counts = new Array<number>(binCount).fill(0);
  for (const loss of losses) {
    const bin = Math.min(binCount - 1, Math.floor((-loss - low) / width));
    counts[bin] += 1;
  }
  const edge = (i: number) => Math.round((low + i * width) * 100) / 100;
  return { scenarios: losses.length, binWidth: width, bins: counts.map((count, i) => ({ from: edge(i), to: edge(i + 1), count })) };
}
