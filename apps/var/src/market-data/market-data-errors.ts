import { DomainError, ErrorCode } from '@finstack/contracts';
import { PriceHistoryInvalidError, UnknownTickerError } from './errors';

/** The store's errors as the API's: a missing history is a 404, a refused upload a 422 with its lines. */
export function asDomainError(error: unknown): unknown {
  if (error instanceof UnknownTickerError) {
    return new DomainError(
      ErrorCode.PRICE_HISTORY_NOT_FOUND,
      `no price history for ${error.ticker}; GET /api/v1/market/tickers lists the stored ones`,
    );
  }
  if (error instanceof PriceHistoryInvalidError) {
    return new DomainError(ErrorCode.PRICE_HISTORY_INVALID, `the price CSV was refused: ${error.message}`, { problems: error.problems });
  }
  return error;
}

/** Runs a store call and rethrows its errors as the API's. */
export async function withStoreErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw asDomainError(error);
  }
}
