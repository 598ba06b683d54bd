import { IncomingQuote } from './incoming-quotes';
import { LatestQuote } from './latest-quote-rows';

/** A quote newer than its ticker's latest, with the price it replaces (null for a ticker's first quote). */
export interface AcceptedQuote extends IncomingQuote {
  previousMicro: bigint | null;
}

export interface TickerQuotes {
  ticker: string;
  /** In time order. */
  accepted: AcceptedQuote[];
  /** The ticker's latest quote once the batch is stored. */
  latest: LatestQuote;
}

export interface QuotePlan {
  /** Only the tickers with at least one accepted quote. */
  tickers: TickerQuotes[];
  /** Quotes not newer than their ticker's latest (stored, or earlier in the batch): never stored. */
  ignored: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Days since 1970-01-01 UTC: cheaper to compare per quote than 'YYYY-MM-DD' text. */
const utcDayNumber = (at: Date): number => Math.floor(at.getTime() / DAY_MS);

/**
 * Decides, per ticker and in time order, which quotes of a batch are stored:
 * each must be newer than the latest before it, so a late or repeated quote
 * never overwrites a newer price. Keeps the previous close in step: when a
 * quote opens a new UTC day, the price it replaces closed the day before.
 */
export function planQuotes(incoming: readonly IncomingQuote[], stored: ReadonlyMap<string, LatestQuote>): QuotePlan {
  const byTicker = new Map<string, IncomingQuote[]>();
  for (const quote of incoming) {
    const quotes = byTicker.get(quote.ticker);
    if (quotes) quotes.push(quote);
    else byTicker.set(quote.ticker, [quote]);
  }
  const tickers: TickerQuotes[] = [];
  let ignored = 0;
  for (const [ticker, quotes] of byTicker) {
    quotes.sort((a, b) => a.at.getTime() - b.at.getTime() || a.position - b.position);
    let latest = stored.get(ticker) ?? null;
    const accepted: AcceptedQuote[] = [];
    for (const quote of quotes) {
      if (latest && quote.at.getTime() <= latest.quotedAt.getTime()) {
        ignored += 1;
        continue;
      }
      accepted.push({ ...quote, previousMicro: latest?.priceMicro ?? null });
      latest = next(latest, quote);
    }
    if (latest && accepted.length > 0) tickers.push({ ticker, accepted, latest });
  }
  return { tickers, ignored };
}

function next(latest: LatestQuote | null, quote: IncomingQuote): LatestQuote {
  const newDay = latest !== null && utcDayNumber(quote.at) > utcDayNumber(latest.quotedAt);
  return {
    ticker: quote.ticker,
    priceMicro: quote.priceMicro,
    currency: quote.currency,
    quotedAt: quote.at,
    previousCloseMicro: newDay ? latest.priceMicro : (latest?.previousCloseMicro ?? null),
    previousCloseDay: newDay ? latest.quotedAt.toISOString().slice(0, 10) : (latest?.previousCloseDay ?? null),
  };
}
