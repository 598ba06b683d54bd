import { WatchDirection } from '@finstack/contracts';
import { chunks, exactBigint, readSqlTimestamp, SqlExecutor, sqlTimestamp, valueRows } from '@finstack/database';

/** A watchlist entry's target reached by a quote. */
export interface PriceAlert {
  id: string;
  userId: string;
  watchId: string;
  ticker: string;
  direction: WatchDirection;
  targetMicro: bigint;
  priceMicro: bigint;
  quoteAt: Date;
  triggeredAt: Date;
}

const COLUMNS = 'id, user_id, watch_id, ticker, direction, target_micro, price_micro, quote_at, triggered_at';
const ROWS_PER_INSERT = 500;

/** Records alerts with multi-row INSERTs, inside the caller's transaction. */
export async function insertPriceAlerts(executor: SqlExecutor, alerts: readonly PriceAlert[]): Promise<void> {
  for (const slice of chunks(alerts, ROWS_PER_INSERT)) {
    const params = slice.flatMap((alert) => [
      alert.id,
      alert.userId,
      alert.watchId,
      alert.ticker,
      alert.direction,
      alert.targetMicro,
      alert.priceMicro,
      sqlTimestamp(alert.quoteAt),
      sqlTimestamp(alert.triggeredAt),
    ]);
    await executor.query(`INSERT INTO price_alerts (${COLUMNS}) VALUES ${valueRows(slice.length, 9)}`, params);
  }
}

interface RawPriceAlert {
  id: string;
  user_id: string;
  watch_id: string;
  ticker: string;
  direction: WatchDirection;
  target_micro: string;
  price_micro: string;
  quote_at: Date | string;
  triggered_at: Date | string;
}

/** A user's alerts newest first, after the `before` id (keyset), optionally of one entry: a range of an index. */
export async function selectPriceAlerts(
  executor: SqlExecutor,
  filter: { userId: string; watchId?: string; before?: string; limit: number },
): Promise<PriceAlert[]> {
  const conditions = ['user_id = ?'];
  const params: unknown[] = [filter.userId];
  if (filter.watchId !== undefined) {
    conditions.push('watch_id = ?');
    params.push(filter.watchId);
  }
  if (filter.before !== undefined) {
    conditions.push('id < ?');
    params.push(filter.before);
  }
  const rows = await executor.query<RawPriceAlert[]>(
    `SELECT id, user_id, watch_id, ticker, direction, ${exactBigint('target_micro')}, ${exactBigint('price_micro')}, ` +
      `quote_at, triggered_at FROM price_alerts WHERE ${conditions.join(' AND ')} ORDER BY id DESC LIMIT ?`,
    [...params, filter.limit],
  );
  return rows.map((row) => ({
    id: row.id,
    userId: row.user_id,
    watchId: row.watch_id,
    ticker: row.ticker,
    direction: row.direction,
    targetMicro: BigInt(row.target_micro),
    priceMicro: BigInt(row.price_micro),
    quoteAt: readSqlTimestamp(row.quote_at),
    triggeredAt: readSqlTimestamp(row.triggered_at),
  }));
}
