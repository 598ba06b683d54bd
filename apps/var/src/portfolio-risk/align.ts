import { priceSeries } from '../analysis/prices';
import { PriceField } from '../analysis/types';
import { PositionInput } from './types';

/** The prices every calculation uses: the last lookbackDays + 1 dates common to all positions. */
export interface PriceWindow {
  /** oldest first */
  dates: string[];
  /** prices[i][t]: position i on dates[t] */
  prices: Float64Array[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "AAPL", "AAPL and AMZN", "AAPL, AMZN and SPX", "A, B, C, D, E and 7 more". */
export function tickerList(tickers: string[]): string {
  if (tickers.length <= 1) return tickers.join('');
  if (tickers.length > 6) return `${tickers.slice(0, 5).join(', ')} and ${tickers.length - 5} more`;
  return `${tickers.slice(0, -1).join(', ')} and ${tickers[tickers.length - 1]}`;
}

/** Dates must be ISO and strictly increasing: alignment walks the rows in order. */
function orderProblem(position: PositionInput): string | null {
  const rows = position.prices;
  for (let i = 0; i < rows.length; i++) {
    const date = rows[i]?.date;
    if (typeof date !== 'string' || !ISO_DATE.test(date)) return `${position.ticker}: row ${i + 1} has date ${JSON.stringify(date)}; dates must be yyyy-mm-dd`;
    if (i > 0 && date <= rows[i - 1].date) {
      return `${position.ticker}: prices must be oldest first with one row per date, but ${date} follows ${rows[i - 1].date} (row ${i + 1})`;
    }
  }
  return null;
}

/**
 * Aligns the positions on their common dates and checks the prices in the
 * window. Expects structurally valid positions (non-empty price lists,
 * distinct tickers); returns the problems instead of a window when it cannot build one.
 */
export function alignPrices(positions: PositionInput[], field: PriceField, lookbackDays: number): { window: PriceWindow | null; errors: string[] } {
  const errors = positions.map(orderProblem).filter((e): e is string => e !== null);
  if (errors.length) return { window: null, errors };

  // Dates are unique within a position, so a date seen once per position is common to all.
  const seen = new Map<string, number>();
  for (const position of positions) for (const row of position.prices) seen.set(row.date, (seen.get(row.date) ?? 0) + 1);
  const common = positions[0].prices.map((row) => row.date).filter((date) => seen.get(date) === positions.length);

  const needed = lookbackDays + 1;
  if (common.length < needed) {
    const tickers = positions.map((p) => p.ticker);
    const verb = positions.length === 1 ? 'has' : 'share';
    let message = `${tickerList(tickers)} ${verb} ${common.length} trading days; lookbackDays ${lookbackDays} needs ${needed}`;
    if (positions.length > 1) {
      const shortest = positions.reduce((a, b) => (b.prices.length < a.prices.length ? b : a));
      message += ` (shortest history: ${shortest.ticker}, ${shortest.prices.length} rows)`;
    }
    return { window: null, errors: [message] };
  }

  const dates = common.slice(common.length - needed);
  const prices = positions.map((position) => {
    const all = priceSeries(position.prices, field);
    const out = new Float64Array(needed);
    // Walk back from the newest row: both lists are ascending and every window date is present.
    let j = position.prices.length - 1;
    for (let t = needed - 1; t >= 0; t--) {
      while (position.prices[j].date !== dates[t]) j--;
      out[t] = all[j];
    }
    const bad = out.findIndex((p) => !(Number.isFinite(p) && p > 0));
    if (bad >= 0) errors.push(`${position.ticker} has price ${out[bad]} (${field}) on ${dates[bad]}; prices in the lookback window must be positive numbers`);
    return out;
  });
  return errors.length ? { window: null, errors } : { window: { dates, prices }, errors };
}
