import { DataSource } from 'typeorm';

/*
 * Helpers for the few statements written by hand because they touch many rows
 * at once (bulk category changes, CSV imports). They use `?` placeholders,
 * which both drivers (mysql2 and better-sqlite3) accept, and plain column names
 * that need no quoting on either database.
 */

/** "?, ?, ?" for `count` values. */
export function placeholders(count: number): string {
  return count === 1 ? '?' : `?${', ?'.repeat(count - 1)}`;
}

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const three = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/**
 * A DATETIME(3) value as both databases store it ('YYYY-MM-DD HH:MM:SS.SSS',
 * UTC), the text TypeORM writes for an entity's Date. better-sqlite3 cannot
 * bind a Date, and MySQL reads this text as the same instant (timezone 'Z').
 */
export function sqlTimestamp(date: Date): string {
  return (
    `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}.${three(date.getUTCMilliseconds())}`
  );
}

export function isMysql(dataSource: DataSource): boolean {
  return dataSource.options.type === 'mysql';
}

/** Splits `items` into consecutive slices of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const slices: T[][] = [];
  for (let start = 0; start < items.length; start += size) slices.push(items.slice(start, start + size));
  return slices;
}

/**
 * SQLite, without statistics, plans `user_id = ? AND id IN (…)` as a walk
 * through all of the user's rows (the primary key starts with user_id). Added
 * after a table name in statements that take a list of ids, this makes it
 * look each row up by id instead, as MySQL does on its own.
 */
export function byTransactionId(dataSource: DataSource): string {
  return isMysql(dataSource) ? '' : ' INDEXED BY UQ_transactions_id';
}
