import { DomainError, ErrorCode } from '@finstack/contracts';
import { exactBigint, isMysqlSource, readSqlTimestamp, SqlExecutor, sqlTimestamp } from '@finstack/database';
import { EntityManager } from 'typeorm';
import { readBigint } from '../common/portfolio-sql';
import { LatestQuote, latestQuoteColumns, readLatestQuote } from '../quotes/latest-quote-rows';

export interface Holding {
  id: string;
  userId: string;
  ticker: string;
  quantityMicro: bigint;
  averageCostMicro: bigint | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A holding with its ticker's latest quote, if there is one. */
export interface QuotedHolding {
  holding: Holding;
  quote: LatestQuote | null;
}

interface RawHolding {
  id: string;
  user_id: string;
  ticker: string;
  quantity_micro: string;
  average_cost_micro: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const HOLDING_COLUMNS =
  `h.id, h.user_id, h.ticker, ${exactBigint('h.quantity_micro')}, ${exactBigint('h.average_cost_micro')}, h.created_at, h.updated_at`;

const toHolding = (row: RawHolding): Holding => ({
  id: row.id,
  userId: row.user_id,
  ticker: row.ticker,
  quantityMicro: BigInt(row.quantity_micro),
  averageCostMicro: readBigint(row.average_cost_micro),
  createdAt: readSqlTimestamp(row.created_at),
  updatedAt: readSqlTimestamp(row.updated_at),
});

/** A user's holdings by ticker (one of them with `id`), each with its latest quote: one read of a unique index and the quotes' keys. */
export async function selectQuotedHoldings(executor: SqlExecutor, userId: string, id?: string): Promise<QuotedHolding[]> {
  const rows = await executor.query<(RawHolding & Record<string, unknown>)[]>(
    `SELECT ${HOLDING_COLUMNS}, ${latestQuoteColumns('q', 'q_')} FROM holdings h ` +
      'LEFT JOIN latest_quotes q ON q.ticker = h.ticker ' +
      `WHERE h.user_id = ?${id === undefined ? '' : ' AND h.id = ?'} ORDER BY h.ticker`,
    id === undefined ? [userId] : [userId, id],
  );
  return rows.map((row) => ({ holding: toHolding(row), quote: readLatestQuote(row, 'q_') }));
}

export async function countUserHoldings(executor: SqlExecutor, userId: string): Promise<number> {
  const [row] = await executor.query<{ holdings: number | string }[]>(
    'SELECT COUNT(*) AS holdings FROM holdings WHERE user_id = ?',
    [userId],
  );
  return Number(row.holdings);
}

/**
 * The user's holding with this id; another user's holding is as absent as a
 * missing one. Locked until commit on MySQL, so concurrent edits take turns.
 */
export async function findUserHoldingForUpdate(manager: EntityManager, userId: string, id: string): Promise<Holding> {
  const lock = isMysqlSource(manager) ? ' FOR UPDATE' : '';
  // Ids are stored in lower case; an upper-case UUID names the same holding on every database.
  const [row] = await manager.query<RawHolding[]>(`SELECT ${HOLDING_COLUMNS} FROM holdings h WHERE h.id = ? AND h.user_id = ?${lock}`, [
    id.toLowerCase(),
    userId,
  ]);
  if (!row) throw holdingNotFound(id);
  return toHolding(row);
}

export const holdingNotFound = (id: string): DomainError => new DomainError(ErrorCode.HOLDING_NOT_FOUND, `holding ${id} not found`);

/** The id of the user's holding of a ticker, if any. */
export async function findHoldingIdByTicker(executor: SqlExecutor, userId: string, ticker: string): Promise<string | undefined> {
  const [row] = await executor.query<{ id: string }[]>('SELECT id FROM holdings WHERE user_id = ? AND ticker = ?', [userId, ticker]);
  return row?.id;
}

export async function insertHolding(executor: SqlExecutor, holding: Holding): Promise<void> {
  await executor.query(
    'INSERT INTO holdings (id, user_id, ticker, quantity_micro, average_cost_micro, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [
      holding.id,
      holding.userId,
      holding.ticker,
      holding.quantityMicro,
      holding.averageCostMicro,
      sqlTimestamp(holding.createdAt),
      sqlTimestamp(holding.updatedAt),
    ],
  );
}

export async function updateHolding(executor: SqlExecutor, holding: Holding): Promise<void> {
  await executor.query(
    'UPDATE holdings SET quantity_micro = ?, average_cost_micro = ?, updated_at = ? WHERE id = ? AND user_id = ?',
    [holding.quantityMicro, holding.averageCostMicro, sqlTimestamp(holding.updatedAt), holding.id, holding.userId],
  );
}

export async function deleteHolding(executor: SqlExecutor, holding: Holding): Promise<void> {
  await executor.query('DELETE FROM holdings WHERE id = ? AND user_id = ?', [holding.id, holding.userId]);
}

/** The users holding a ticker, in id order: a range of IDX_holdings_ticker_user. */
export async function selectTickerHolders(executor: SqlExecutor, ticker: string): Promise<string[]> {
  const rows = await executor.query<{ user_id: string }[]>('SELECT user_id FROM holdings WHERE ticker = ? ORDER BY user_id', [ticker]);
  return rows.map((row) => row.user_id);
}
