import { DomainError, ErrorCode, QuoteInput } from '@finstack/contracts';
import { priceMicro } from '../common/scaled-text';

/** A quote of the batch, parsed; `position` is its index in the batch. */
export interface IncomingQuote {
  position: number;
  ticker: string;
  priceMicro: bigint;
  at: Date;
  currency: string;
}

export const DEFAULT_QUOTE_CURRENCY = 'USD';
const EARLIEST = Date.UTC(1970, 0, 1);
/** Clock skew a feed may have; a later quote is a mistake (see below). */
const MAX_AHEAD_MS = 24 * 60 * 60 * 1000;

/**
 * Parses a validated batch. It refuses, as a whole, what the DTO cannot see:
 * a quote time before 1970 (not storable everywhere), or more than a day
 * ahead of this service's clock: since older quotes never overwrite newer
 * ones, one quote from the future would hide every real quote of its ticker
 * until that time came.
 */
export function readIncomingQuotes(inputs: readonly QuoteInput[], now: Date): IncomingQuote[] {
  const latestAllowed = now.getTime() + MAX_AHEAD_MS;
  const problems: { field: string; errors: string[] }[] = [];
  const quotes = inputs.map((input, position) => {
    const at = new Date(input.at);
    if (at.getTime() < EARLIEST) {
      problems.push({ field: `body.quotes.${position}.at`, errors: ['at must be 1970-01-01T00:00:00Z or later'] });
    } else if (at.getTime() > latestAllowed) {
      problems.push({
        field: `body.quotes.${position}.at`,
        errors: ['at must not be more than a day ahead of the current time (a quote from the future would hide the real ones)'],
      });
    }
    return {
      position,
      ticker: input.ticker,
      priceMicro: priceMicro(input.price),
      at,
      currency: input.currency ?? DEFAULT_QUOTE_CURRENCY,
    };
  });
  if (problems.length > 0) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, problems.flatMap((problem) => problem.errors).join('; '), problems);
  }
  return quotes;
}
