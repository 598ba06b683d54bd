/**
 * Driver codes meaning the database cannot be reached right now (refused,
 * dropped, shutting down, out of connections), as opposed to a bad query.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'ER_CON_COUNT_ERROR',
  'ER_LOCK_WAIT_TIMEOUT',
]);

/** mysql2's words for a pooled connection the server already dropped (it carries no code). */
const CLOSED_CONNECTION = /connection is in closed state/i;

/**
 * True when a query failed because the database is unavailable: the caller
 * should get a 503 and may retry, not a 500 for a bug. Reads the driver's
 * error whether TypeORM wrapped it (QueryFailedError.driverError) or not.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, driverError } = error as { code?: string; message?: string; driverError?: { code?: string; message?: string } };
  const driverCode = driverError?.code ?? code ?? '';
  return UNAVAILABLE_CODES.has(driverCode) || CLOSED_CONNECTION.test(driverError?.message ?? message ?? '');
}
