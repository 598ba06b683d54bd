import { histogramBins, pnlHistogram } from './histogram';

describe('P&L histogram', () => {
  it('bins P&L (the negated losses) into equal bins from the worst to the best scenario', () => {
    // 100 scenarios with losses 1..100, so P&L −100..−1; 50 bins of width 99/50 = 1.98
    const losses = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    const histogram = pnlHistogram(losses);
    expect(histogram.bins).toHaveLength(50);
    expect(histogram.binWidth).toBeCloseTo(1.98, 12);
    expect(histogram.bins[0]).toEqual({ from: -100, to: -98.02, count: 2 });
    expect(histogram.bins[49]).toEqual({ from: -2.98, to: -1, count: 2 });
    expect(histogram.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(100);
    expect(histogram.scenarios).toBe(100);
  });

  it('uses √S bins between 50 and 100', () => {
    expect(histogramBins(20)).toBe(50);
    expect(histogramBins(4900)).toBe(70);
    expect(histogramBins(2_000_000)).toBe(100);
  });

  it('keeps scenarios that are all alike in a bin around their value', () => {
    const histogram = pnlHistogram(new Float64Array(30).fill(-5));
    expect(histogram.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(30);
    const full = histogram.bins.find((bin) => bin.count > 0)!;
    expect(full.from).toBeLessThanOrEqual(5);
    expect(full.to).toBeGreaterThanOrEqual(5);
  });
});
