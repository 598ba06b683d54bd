import { MAX_QUOTES_PER_BATCH, QuoteInput } from '@finstack/contracts';
import { DailyPrice } from './price-history';

/** Trading days replayed per second of wall time; 'max' sends full batches back to back. */
export type Speed = number | 'max';

/** Above this, a batch would pass MAX_QUOTES_PER_BATCH at 10 batches a second. */
export const MAX_SPEED = MAX_QUOTES_PER_BATCH * 10;

/** How a replay is cut up: this many quotes per request, one request every intervalMs. */
export interface ReplayPace {
  batchSize: number;
  intervalMs: number;
}

/**
 * "1x" is one trading day per second, "100x" a hundred, "0.5x" one every two
 * seconds; "max" as fast as the gateway takes them. Undefined for anything else.
 */
export function parseSpeed(text: string): Speed | undefined {
  if (text === 'max') return 'max';
  const match = /^(\d+(?:\.\d+)?)x$/.exec(text);
  const speed = match ? Number(match[1]) : NaN;
  return speed > 0 && speed <= MAX_SPEED ? speed : undefined;
}

/**
 * At most 10 requests a second, each as small as the speed allows: 1x sends
 * one quote a second, 100x ten quotes every 100 ms, 15x two every 133 ms.
 */
export function paceOf(speed: Speed): ReplayPace {
  if (speed === 'max') return { batchSize: MAX_QUOTES_PER_BATCH, intervalMs: 0 };
  const batchSize = Math.min(MAX_QUOTES_PER_BATCH, Math.ceil(speed / 10));
  return { batchSize, intervalMs: (1000 * batchSize) / speed };
}

/**
 * A trading day's price as a quote at the US close (20:00 UTC), so each day's
 * quote is the next day's previous close.
 */
export function quoteOf(ticker: string, day: DailyPrice, currency: string): QuoteInput {
  return { ticker, price: day.price, at: `${day.date}T20:00:00Z`, currency };
}

/** Consecutive slices of at most `size`, in order. */
export function batchesOf<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}
