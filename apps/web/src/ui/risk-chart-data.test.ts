import { describe, expect, it } from 'vitest';
import { backtestBars, backtestDomain, backtestSeries, histogramBars, niceCeiling } from './risk-chart-data';

const risk = (var95: number, var99: number) => [
  { confidence: 0.95, varReturn: 0, varMoney: var95, esReturn: 0, esMoney: var95 },
  { confidence: 0.99, varReturn: 0, varMoney: var99, esReturn: 0, esMoney: var99 },
];

describe('risk chart adapters', () => {
  it('puts each trade in one bar series: within VaR, or beyond the highest level it breaches', () => {
    const rows = backtestBars(
      [
        { openDate: '2024-01-02', pnl: 30, risk: risk(100, 150) },
        { openDate: '2024-01-03', pnl: -120, risk: risk(100, 150) },
        { openDate: '2024-01-04', pnl: -200, risk: risk(100, 150) },
        { openDate: '2024-01-05', pnl: -100, risk: risk(100, 150) },
      ],
      [0.95, 0.99],
    );
    expect(rows.map((row) => [row['Within VaR'], row['Loss beyond VaR 95 %'], row['Loss beyond VaR 99 %']])).toEqual([
      [30, null, null],
      [null, -120, null],
      [null, null, -200],
      // a loss equal to the VaR is not a breach
      [-100, null, null],
    ]);
    expect(rows[0]).toMatchObject({ trade: '1 · 2024-01-02', '−VaR 95 %': -100, '−VaR 99 %': -150 });
  });

  it('scales the value axis to the worst loss or VaR, cutting off larger gains', () => {
    const trades = [
      { openDate: '2024-01-02', pnl: 5000, risk: risk(100, 150) },
      { openDate: '2024-01-03', pnl: -120, risk: risk(100, 150) },
    ];
    // worst: −150 (the 99 % VaR) → 165 → the next round number, 200
    expect(backtestDomain(trades, [0.95, 0.99])).toEqual({ domain: [-200, 200], clippedAbove: 200 });
    expect(backtestDomain(trades.slice(1), [0.95, 0.99])).toEqual({ domain: [-200, 200], clippedAbove: null });
  });

  it('rounds the axis bound to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([14_500, 165, 2_100, 48_000, 0].map(niceCeiling)).toEqual([20_000, 200, 2_500, 50_000, 100]);
  });

  it('names a bar series per level and a dashed line per level', () => {
    expect(backtestSeries([0.99, 0.95]).map((s) => `${s.type} ${s.name}`)).toEqual([
      'bar Within VaR',
      'bar Loss beyond VaR 95 %',
      'bar Loss beyond VaR 99 %',
      'line −VaR 95 %',
      'line −VaR 99 %',
    ]);
  });

  it('splits the histogram at −VaR and marks VaR and ES on their bins', () => {
    const bins = [-300, -200, -100, 0, 100].map((from) => ({ from, to: from + 100, count: 1 }));
    const { rows, markers } = histogramBars({ scenarios: 5, binWidth: 100, bins }, [{ confidence: 0.95, var: 150, es: 250 }]);
    expect(rows.map((row) => [row.bin, row.Scenarios, row['Beyond VaR']])).toEqual([
      ['-250', null, 1],
      ['-150', 1, null],
      ['-50', 1, null],
      ['50', 1, null],
      ['150', 1, null],
    ]);
    expect(markers).toEqual([
      { x: '-150', label: 'VaR 95 %', color: 'orange.9' },
      { x: '-250', label: 'ES 95 %', color: 'red.9' },
    ]);
  });
});
