import { DataSource, EntityManager } from 'typeorm';

/*
 * Helpers for statements written by hand because they touch many rows at once
 * (multi-row INSERTs, batch updates). They use `?` placeholders, which both
 * drivers (mysql2 and better-sqlite3) accept, and plain column names that need
 * no quoting on either database.
 */

/** Anything that runs SQL inside the caller's database transaction: an EntityManager, a QueryRunner. */
export interface SqlExecutor {
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T>;
}

export function isMysqlSource(source: DataSource | EntityManager): boolean {
  const options = source instanceof DataSource ? source.options : source.connection.options;
  return options.type === 'mysql';
}

/** "?, ?, ?" for `count` values. */
export function placeholders(count: number): string {
  return count === 1 ? '?' : `?${', ?'.repeat(count - 1)}`;
}

/** "(?, ?), (?, ?)" for a multi-row VALUES list of `rows` rows of `columns` values. */
export function valueRows(rows: number, columns: number): string {
  const row = `(${placeholders(columns)})`;
  return rows === 1 ? row : `${row}${`, ${row}`.repeat(rows - 1)}`;
}

/** Splits `items` into consecutive slices of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const slices: T[][] = [];
  for (let start = 0; start < items.length; start += size) slices.push(items.slice(start, start + size));
  return slices;
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

/** A DATETIME read by raw SQL: a Date from MySQL, 'YYYY-MM-DD HH:MM:SS.SSS' (UTC) text from SQLite. */
export function readSqlTimestamp(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}

/**
 * A BIGINT column read exactly, as decimal text, by raw SQL: better-sqlite3
 * hands integers to JavaScript as doubles, exact only up to 2^53, and micro-units
 * of a price or quantity below 10^12 reach 10^18. CHAR gives text on both databases.
 */
export const exactBigint = (column: string, alias = column.replace(/^\w+\./, '')): string =>
  `CAST(${column} AS CHAR) AS ${alias}`;
