/*
 * The portfolio reads and writes with raw SQL (`?` placeholders, portable
 * between MySQL and SQLite): every read selects its BIGINT columns with
 * exactBigint, since better-sqlite3 would hand them over as doubles, and the
 * quote ingest writes many rows per statement.
 */

/** The outbox of this schema (see @finstack/outbox). */
export const PORTFOLIO_OUTBOX = 'portfolio_outbox';

/** Booleans are bound as 1/0: better-sqlite3 cannot bind true/false, and MySQL stores TINYINT(1). */
export const sqlBoolean = (value: boolean): number => (value ? 1 : 0);

/** A BOOLEAN read by raw SQL: 1/0 from both drivers (a string from some MySQL set-ups). */
export const readBoolean = (value: unknown): boolean => Number(value) === 1;

/** A BIGINT selected with exactBigint (decimal text), or null. */
export const readBigint = (value: string | null): bigint | null => (value === null ? null : BigInt(value));
