import { WatchDirection } from '@finstack/contracts';
import { SqlExecutor } from '@finstack/database';
import { crossingQueries, crossingRanges } from './crossing-query';
import { AcceptedQuote, TickerQuotes } from './quote-plan';
import { FirstReach } from './reach';

/** An armed entry and the first quote of the batch that reached its target. */
export interface Crossing {
  watchId: string;
  userId: string;
  direction: WatchDirection;
  targetMicro: bigint;
  quote: AcceptedQuote;
}

interface RawArmedEntry {
  id: string;
  user_id: string;
  ticker: string;
  direction: WatchDirection;
  target_micro: string;
}

/**
 * The armed entries the batch's accepted quotes reach, each with the first
 * quote in time order that reached it. Reads the entries set-based: per
 * ticker and direction, one range of the crossing index bounded by the
 * batch's highest (above) or lowest (below) price, many ranges per statement.
 */
export async function findCrossings(
  executor: SqlExecutor,
  tickers: readonly TickerQuotes[],
  options: { lock: boolean },
): Promise<Crossing[]> {
  const reach = new Map(tickers.map((ticker) => [ticker.ticker, new FirstReach(ticker.accepted)]));
  const crossings: Crossing[] = [];
  for (const { sql, params } of crossingQueries(crossingRanges(tickers), options)) {
    for (const row of await executor.query<RawArmedEntry[]>(sql, params)) {
      const targetMicro = BigInt(row.target_micro);
      // The range guarantees a quote reached it; the search finds the first that did.
      const quote = reach.get(row.ticker)?.of(row.direction, targetMicro);
      if (quote) crossings.push({ watchId: row.id, userId: row.user_id, direction: row.direction, targetMicro, quote });
    }
  }
  return crossings;
}
