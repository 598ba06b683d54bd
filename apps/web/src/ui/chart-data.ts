import type { CashflowPoint, SummaryRow } from '../api/types';

/** Decimal strings to chart numbers (charts draw floats; the tables keep the strings). */
const num = (text: string): number => Number(text);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-03-01" → "Mar 26" for monthly points, the date itself for days and weeks. */
export function periodLabel(start: string, interval: 'day' | 'week' | 'month'): string {
  if (interval !== 'month') return start;
  const month = Number(start.slice(5, 7));
  return `${MONTHS[month - 1] ?? start.slice(5, 7)} ${start.slice(2, 4)}`;
}

/** Cash-flow points as bars: spent (positive height) and received per period. */
export function cashflowBars(points: CashflowPoint[], interval: 'day' | 'week' | 'month') {
  return points.map((point) => ({ period: periodLabel(point.start, interval), Spent: num(point.spent), Received: num(point.received), Net: num(point.net) }));
}

const PALETTE = ['indigo.6', 'teal.6', 'orange.6', 'grape.6', 'cyan.6', 'pink.6', 'lime.7', 'yellow.7', 'blue.6', 'red.6'];

/**
 * Spending by category for a donut: categories with spending only, largest
 * first; past `max` slices the rest are summed into "Other".
 */
export function spendingSlices(rows: SummaryRow[], max = 8) {
  const spent = rows
    .map((row) => ({ name: row.label || 'Uncategorised', value: num(row.spent) }))
    .filter((slice) => slice.value > 0)
    .sort((a, b) => b.value - a.value);
  const head = spent.slice(0, max);
  const rest = spent.slice(max).reduce((sum, slice) => sum + slice.value, 0);
  if (rest > 0) head.push({ name: 'Other', value: Math.round(rest * 100) / 100 });
  return head.map((slice, index) => ({ ...slice, color: PALETTE[index % PALETTE.length]! }));
}

/** Past this many signals the BUY/SELL labels overlap into a smear; the coloured arrows alone stay readable. */
export const LABELLED_SIGNALS_MAX = 40;

/** Price-chart series for lightweight-charts: time as YYYY-MM-DD, SMA only where defined, BUY/SELL markers. */
export function priceSeries(points: { date: string; price: number; sma: number | null; signal: 'BUY' | 'SELL' | null }[]) {
  const signals = points.filter((point) => point.signal !== null);
  const labelled = signals.length <= LABELLED_SIGNALS_MAX;
  return {
    price: points.map((point) => ({ time: point.date, value: point.price })),
    sma: points.filter((point) => point.sma !== null).map((point) => ({ time: point.date, value: point.sma as number })),
    markers: signals.map((point) =>
      point.signal === 'BUY'
        ? { time: point.date, position: 'belowBar' as const, color: '#2b8a3e', shape: 'arrowUp' as const, text: labelled ? 'BUY' : '' }
        : { time: point.date, position: 'aboveBar' as const, color: '#c92a2a', shape: 'arrowDown' as const, text: labelled ? 'SELL' : '' },
    ),
  };
}
