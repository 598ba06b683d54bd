import { describe, expect, it } from 'vitest';
import { cashflowBars, LABELLED_SIGNALS_MAX, priceSeries, spendingSlices } from './chart-data';

describe('chart data adapters', () => {
  it('labels monthly cash-flow bars by month and year', () => {
    const bars = cashflowBars([{ start: '2026-03-01', end: '2026-03-31', spent: '120.50', received: '2000.00', net: '1879.50', count: 4 }], 'month');
    expect(bars).toEqual([{ period: 'Mar 26', Spent: 120.5, Received: 2000, Net: 1879.5 }]);
  });

  it('keeps days as dates', () => {
    expect(cashflowBars([{ start: '2026-03-02', end: '2026-03-02', spent: '1', received: '0', net: '-1', count: 1 }], 'day')[0]!.period).toBe('2026-03-02');
  });

  it('slices spending largest first, drops categories without spending and folds the tail into Other', () => {
    const row = (label: string, spent: string) => ({ key: label, label, spent, received: '0', net: `-${spent}`, count: 1 });
    const slices = spendingSlices([row('A', '5'), row('B', '50'), row('C', '0.00'), row('D', '1'), row('E', '2')], 2);
    expect(slices.map(({ name, value }) => [name, value])).toEqual([
      ['B', 50],
      ['A', 5],
      ['Other', 3],
    ]);
    expect(slices.every((slice) => slice.color.length > 0)).toBe(true);
  });

  it('turns strategy points into price, SMA and BUY/SELL markers', () => {
    const series = priceSeries([
      { date: '2020-01-02', price: 10, sma: null, signal: null },
      { date: '2020-01-03', price: 11, sma: 10.5, signal: 'BUY' },
      { date: '2020-01-06', price: 9, sma: 10, signal: 'SELL' },
    ]);
    expect(series.price).toHaveLength(3);
    expect(series.sma).toEqual([
      { time: '2020-01-03', value: 10.5 },
      { time: '2020-01-06', value: 10 },
    ]);
    expect(series.markers.map((marker) => [marker.text, marker.position, marker.shape])).toEqual([
      ['BUY', 'belowBar', 'arrowUp'],
      ['SELL', 'aboveBar', 'arrowDown'],
    ]);
  });

  it('drops the BUY/SELL words past 40 signals, keeping every coloured arrow, so a long history stays readable', () => {
    const days = (count: number) =>
      Array.from({ length: count }, (_, i) => ({ date: `2020-01-${String(i + 1).padStart(2, '0')}`, price: 10, sma: 10, signal: i % 2 ? ('SELL' as const) : ('BUY' as const) }));
    expect(priceSeries(days(LABELLED_SIGNALS_MAX)).markers.every((marker) => marker.text !== '')).toBe(true);
    const crowded = priceSeries([...days(28), ...days(28).map((day) => ({ ...day, date: day.date.replace('2020-01', '2020-02') }))]).markers;
    expect(crowded).toHaveLength(56);
    expect(crowded.every((marker) => marker.text === '')).toBe(true);
    expect(crowded.filter((marker) => marker.shape === 'arrowUp')).toHaveLength(28);
  });
});
