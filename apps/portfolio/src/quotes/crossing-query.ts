import { WATCH_DIRECTIONS, WatchDirection } from '@finstack/contracts';
import { chunks, exactBigint } from '@finstack/database';
import { TickerQuotes } from './quote-plan';

/**
 * Where a batch's prices reach for one ticker and direction: 'above' entries
 * fire at a price ≥ their target, so the highest accepted price bounds the
 * targets reached; 'below' mirrors it with the lowest.
 */
export interface CrossingRange {
  ticker: string;
  direction: WatchDirection;
  bound: bigint;
}

export function crossingRanges(tickers: readonly TickerQuotes[]): CrossingRange[] {
  return tickers.flatMap(({ ticker, accepted }) => {
    const prices = accepted.map((quote) => quote.priceMicro);
    const highest = prices.reduce((a, b) => (b > a ? b : a));
    const lowest = prices.reduce((a, b) => (b < a ? b : a));
    return [
      { ticker, direction: 'above' as const, bound: highest },
      { ticker, direction: 'below' as const, bound: lowest },
    ];
  });
}

/**
 * Ranges per statement. A statement per range would cost a round trip per
 * ticker and direction (measured on MariaDB: 465 ms for a batch of 500
 * tickers, against 19 ms OR-ed 500 at a time). SQLite caps an expression's
 * depth at 1,000, which a chain of 500 ORs stays below.
 */
export const RANGES_PER_QUERY = 500;

export interface CrossingQuery {
  sql: string;
  params: unknown[];
}

/**
 * The statements that read the armed watchlist entries these ranges reach,
 * one per direction and slice of RANGES_PER_QUERY. Each ticker's term is,
 * with the direction and `armed` they share, one range of
 * IDX_watchlist_crossing (ticker, direction, armed, target_micro): the
 * database reads the entries that fire and nothing else, never a scan.
 * `lock` (MySQL) holds them until commit, so a concurrent edit of an entry
 * waits for the alert it may be firing, and the other way round.
 */
export function crossingQueries(ranges: readonly CrossingRange[], options: { lock: boolean }): CrossingQuery[] {
  return WATCH_DIRECTIONS.flatMap((direction) =>
    chunks(
      ranges.filter((range) => range.direction === direction),
      RANGES_PER_QUERY,
    ).map((slice) => {
      const reached = direction === 'above' ? 'target_micro <= ?' : 'target_micro >= ?';
      return {
        sql:
          `SELECT id, user_id, ticker, direction, ${exactBigint('target_micro')} FROM watchlist_entries ` +
          `WHERE direction = ? AND armed = 1 AND (${slice.map(() => `(ticker = ? AND ${reached})`).join(' OR ')})` +
          (options.lock ? ' FOR UPDATE' : ''),
        params: [direction, ...slice.flatMap((range) => [range.ticker, range.bound])],
      };
    }),
  );
}
