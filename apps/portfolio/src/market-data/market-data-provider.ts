/** A provider's latest price of one ticker. */
export interface ProviderQuote {
  ticker: string;
  /** Decimal string, as the provider gave it (at most 6 decimals kept). */
  price: string;
  at: Date;
}

/** One day of a price history, oldest first in a list. */
export interface DailyBar {
  /** yyyy-mm-dd (UTC). */
  date: string;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: number;
}

/**
 * A market-data source that needs an API key. One call per method; rate
 * limits, retries and the circuit are the caller's (ProviderGate), so a
 * provider only speaks its wire format and says what went wrong.
 */
export interface MarketDataProvider {
  /** The id in URLs and the connections table, e.g. "finnhub". */
  readonly id: string;
  /** The name people know it by, for messages. */
  readonly displayName: string;
  /** Latest quote of one ticker; null when the provider knows no such symbol. */
  quote(apiKey: string, ticker: string): Promise<ProviderQuote | null>;
  /** Daily bars between two days (both included), oldest first. */
  dailyHistory(apiKey: string, ticker: string, from: Date, to: Date): Promise<DailyBar[]>;
}
