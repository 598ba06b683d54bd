import { analyse } from './analyse';
import { sma } from './indicators';
import { candleSignals, smaCrossoverSignals } from './signals';
import { PriceRow } from './types';

function rowsOf(candles: [number, number][]): PriceRow[] {
  return candles.map(([open, close], i) => ({
    date: `2024-01-${String(i + 1).padStart(2, '0')}`,
    open,
    high: Math.max(open, close),
    low: Math.min(open, close),
    close,
    adjClose: close,
  }));
}

describe('SMA crossover on a hand-made series', () => {
  // i:      0   1   2   3      4  5      6   7       8   9
  // price: 10  10  10   9      8 12     13   9       8  11
  // SMA3:   -   -  10  9.667   9  9.667 11  11.333  10  9.333
  // i=5: 8 < 9 then 12 > 9.667 -> BUY; i=7: 13 > 11 then 9 < 11.333 -> SELL;
  // i=9: 8 < 10 then 11 > 9.333 -> BUY; i=3: 10 = SMA 10, no crossing.
  const prices = Float64Array.from([10, 10, 10, 9, 8, 12, 13, 9, 8, 11]);

  it('finds the crossings', () => {
    const signals = smaCrossoverSignals(prices, { kind: 'sma-crossover', period: 3, volatilityWindow: 3 });
    expect(signals.map((s) => [s.index, s.side])).toEqual([
      [5, 'BUY'],
      [7, 'SELL'],
      [9, 'BUY'],
    ]);
    // rows 3..5: returns 8/9 - 1 and 12/8 - 1
    const r = [8 / 9 - 1, 12 / 8 - 1];
    expect(signals[0].mu).toBeCloseTo((r[0] + r[1]) / 2, 12);
    expect(signals[0].sigma).toBeCloseTo(Math.abs(r[0] - r[1]) / Math.SQRT2, 12);
  });

  it('never signals in the first V rows', () => {
    const signals = smaCrossoverSignals(prices, { kind: 'sma-crossover', period: 3, volatilityWindow: 6 });
    expect(signals.map((s) => s.index)).toEqual([7, 9]);
  });

  it('computes the SMA', () => {
    expect(Array.from(sma(prices, 3)).slice(2, 5)).toEqual([10, 29 / 3, 9]);
  });

  it('builds trades closing at the next signal and at the last row', async () => {
    const rows = rowsOf(Array.from(prices, (p) => [p, p] as [number, number]));
    const result = await analyse({ prices: rows, strategy: { kind: 'sma-crossover', period: 3, volatilityWindow: 3 }, samples: 1000, shards: 1, units: 1, seed: 1 });
    expect(result.trades.map((t) => [t.signal, t.openDate, t.closeDate, t.openPrice, t.closePrice, t.pnl, t.cumulativePnl])).toEqual([
      ['BUY', '2024-01-06', '2024-01-08', 12, 9, -3, -3],
      ['SELL', '2024-01-08', '2024-01-10', 9, 11, -2, -5],
      ['BUY', '2024-01-10', '2024-01-10', 11, 11, 0, -5],
    ]);
    expect(result.summary).toMatchObject({ totalTrades: 3, totalPnl: -5, averagePnl: -1.67 });
    expect(result.series[5]).toEqual({ date: '2024-01-06', price: 12, sma: 29 / 3, signal: 'BUY' });
    expect(result.series[0].sma).toBeNull();
    // BUY loses on the lower tail, SELL on the upper one
    expect(result.trades[0].risk[0].varReturn).toBeLessThan(result.trades[0].mu);
    expect(result.trades[1].risk[0].varReturn).toBeGreaterThan(result.trades[1].mu);
    expect(result.trades[0].risk[1].esReturn).toBeLessThan(result.trades[0].risk[1].varReturn);
  });
});

describe('three white soldiers / three black crows on a hand-made series', () => {
  const rows = rowsOf([
    [10, 10],
    [10, 9.8],
    [9.8, 10.2], // white
    [10.2, 10.6], // white
    [10.6, 11.0], // white, closes 10.2 < 10.6 < 11.0 -> BUY at 4
    [11, 10.5], // black
    [10.5, 10.0], // black
    [10, 9.5], // black, closes 10.5 > 10.0 > 9.5 -> SELL at 7
    [9.5, 9.5],
    [9.5, 9.6],
  ]);
  const closes = Float64Array.from(rows, (r) => r.close);

  it('finds the patterns', () => {
    const signals = candleSignals(rows, closes, { kind: 'three-soldiers-crows', history: 3, holdDays: 2 });
    expect(signals.map((s) => [s.index, s.side])).toEqual([
      [4, 'BUY'],
      [7, 'SELL'],
    ]);
    // H = 3 closes before row 4: 9.8, 10.2, 10.6
    const r = [10.2 / 9.8 - 1, 10.6 / 10.2 - 1];
    expect(signals[0].mu).toBeCloseTo((r[0] + r[1]) / 2, 12);
  });

  it('skips a signal without P days after it, and respects the body', () => {
    expect(candleSignals(rows, closes, { kind: 'three-soldiers-crows', history: 3, holdDays: 3 }).map((s) => s.index)).toEqual([4]);
    expect(candleSignals(rows, closes, { kind: 'three-soldiers-crows', history: 3, holdDays: 2, body: 0.45 }).map((s) => s.index)).toEqual([7]);
    expect(candleSignals(rows, closes, { kind: 'three-soldiers-crows', history: 3, holdDays: 2, body: 0.6 })).toEqual([]);
  });

  it('holds P days', async () => {
    const result = await analyse({ prices: rows, strategy: { kind: 'three-soldiers-crows', history: 3, holdDays: 2 }, samples: 1000, shards: 2, units: 100, seed: 3 });
    expect(result.trades.map((t) => [t.signal, t.openDate, t.closeDate, t.pnl, t.cumulativePnl])).toEqual([
      ['BUY', '2024-01-05', '2024-01-07', -100, -100],
      ['SELL', '2024-01-08', '2024-01-10', -10, -110],
    ]);
  });
});
