import { exactBigint, placeholders, readSqlTimestamp, SqlExecutor, sqlTimestamp, valueRows } from '@finstack/database';
import { readBigint } from '../common/portfolio-sql';

/** A ticker's latest accepted quote and its previous close. */
export interface LatestQuote {
  ticker: string;
  priceMicro: bigint;
  currency: string;
  quotedAt: Date;
  /** The last price of the latest UTC day before quotedAt's day that had a quote. */
  previousCloseMicro: bigint | null;
  /** 'YYYY-MM-DD', the UTC day previousCloseMicro closed. */
  previousCloseDay: string | null;
}

/** The columns of latest_quotes `alias`, named `prefix` + column. */
export const latestQuoteColumns = (alias: string, prefix = ''): string =>
  [
    `${alias}.ticker AS ${prefix}ticker`,
    exactBigint(`${alias}.price_micro`, `${prefix}price_micro`),
    `${alias}.currency AS ${prefix}currency`,
    `${alias}.quoted_at AS ${prefix}quoted_at`,
    exactBigint(`${alias}.previous_close_micro`, `${prefix}previous_close_micro`),
    `${alias}.previous_close_day AS ${prefix}previous_close_day`,
  ].join(', ');

/** Reads the columns latestQuoteColumns selected; null when a LEFT JOIN found no quote. */
export function readLatestQuote(raw: Record<string, unknown>, prefix = ''): LatestQuote | null {
  const column = (name: string) => raw[`${prefix}${name}`];
  if (column('ticker') === null || column('ticker') === undefined) return null;
  return {
    ticker: column('ticker') as string,
    priceMicro: BigInt(column('price_micro') as string),
    currency: column('currency') as string,
    quotedAt: readSqlTimestamp(column('quoted_at') as Date | string),
    previousCloseMicro: readBigint(column('previous_close_micro') as string | null),
    previousCloseDay: column('previous_close_day') as string | null,
  };
}

/**
 * The stored quotes of these tickers. `lock` (MySQL) holds their rows until
 * commit, so that two batches quoting one ticker take turns: each then
 * compares its quotes with what the other stored, and checks the watchlist
 * against it. (SQLite runs one write transaction at a time anyway.)
 */
export async function findLatestQuotes(
  executor: SqlExecutor,
  tickers: readonly string[],
  options: { lock: boolean },
): Promise<Map<string, LatestQuote>> {
  const found = new Map<string, LatestQuote>();
  if (tickers.length === 0) return found;
  const rows = await executor.query<Record<string, unknown>[]>(
    `SELECT ${latestQuoteColumns('q')} FROM latest_quotes q WHERE q.ticker IN (${placeholders(tickers.length)})` +
      (options.lock ? ' FOR UPDATE' : ''),
    [...tickers],
  );
  for (const row of rows) {
    const quote = readLatestQuote(row);
    if (quote) found.set(quote.ticker, quote);
  }
  return found;
}

export async function findLatestQuote(executor: SqlExecutor, ticker: string): Promise<LatestQuote | null> {
  return (await findLatestQuotes(executor, [ticker], { lock: false })).get(ticker) ?? null;
}

const COLUMNS = 'ticker, price_micro, currency, quoted_at, previous_close_micro, previous_close_day, updated_at';
const UPDATED = COLUMNS.split(', ').slice(1);

/** Stores each ticker's new latest quote, inserting or replacing its row, in one statement. */
export async function saveLatestQuotes(
  executor: SqlExecutor,
  dialect: 'mysql' | 'sqlite',
  quotes: readonly LatestQuote[],
  now: Date,
): Promise<void> {
  if (quotes.length === 0) return;
  const updatedAt = sqlTimestamp(now);
  const params = quotes.flatMap((quote) => [
    quote.ticker,
    quote.priceMicro,
    quote.currency,
    sqlTimestamp(quote.quotedAt),
    quote.previousCloseMicro,
    quote.previousCloseDay,
    updatedAt,
  ]);
  const upsert =
    dialect === 'mysql'
      ? ` ON DUPLICATE KEY UPDATE ${UPDATED.map((column) => `${column} = VALUES(${column})`).join(', ')}`
      : ` ON CONFLICT (ticker) DO UPDATE SET ${UPDATED.map((column) => `${column} = excluded.${column}`).join(', ')}`;
  await executor.query(`INSERT INTO latest_quotes (${COLUMNS}) VALUES ${valueRows(quotes.length, 7)}${upsert}`, params);
}
