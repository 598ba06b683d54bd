import { SqlExecutor } from '@finstack/database';

export interface TrackedTicker {
  userId: string;
  ticker: string;
}

/** Who holds or watches which ticker: what polling keeps quoted. */
export async function selectTrackedTickers(executor: SqlExecutor): Promise<TrackedTicker[]> {
  const rows = await executor.query<{ user_id: string; ticker: string }[]>(
    'SELECT user_id, ticker FROM holdings UNION SELECT user_id, ticker FROM watchlist_entries',
  );
  return rows.map((row) => ({ userId: row.user_id, ticker: row.ticker }));
}
