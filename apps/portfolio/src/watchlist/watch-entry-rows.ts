import { DomainError, ErrorCode, WatchDirection } from '@finstack/contracts';
import { chunks, exactBigint, isMysqlSource, placeholders, readSqlTimestamp, SqlExecutor, sqlTimestamp } from '@finstack/database';
import { EntityManager } from 'typeorm';
import { readBoolean, sqlBoolean } from '../common/portfolio-sql';

export interface WatchEntry {
  id: string;
  userId: string;
  ticker: string;
  targetMicro: bigint;
  direction: WatchDirection;
  note: string | null;
  armed: boolean;
  lastTriggeredAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

interface RawWatchEntry {
  id: string;
  user_id: string;
  ticker: string;
  target_micro: string;
  direction: WatchDirection;
  note: string | null;
  armed: number | string;
  last_triggered_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const SELECT =
  `SELECT id, user_id, ticker, ${exactBigint('target_micro')}, direction, note, armed, last_triggered_at, created_at, updated_at ` +
  'FROM watchlist_entries';

const toWatchEntry = (row: RawWatchEntry): WatchEntry => ({
  id: row.id,
  userId: row.user_id,
  ticker: row.ticker,
  targetMicro: BigInt(row.target_micro),
  direction: row.direction,
  note: row.note,
  armed: readBoolean(row.armed),
  lastTriggeredAt: row.last_triggered_at === null ? null : readSqlTimestamp(row.last_triggered_at),
  createdAt: readSqlTimestamp(row.created_at),
  updatedAt: readSqlTimestamp(row.updated_at),
});

/** A user's entries in the order they were added (UUIDv7 ids). */
export async function selectUserWatchEntries(executor: SqlExecutor, userId: string): Promise<WatchEntry[]> {
  const rows = await executor.query<RawWatchEntry[]>(`${SELECT} WHERE user_id = ? ORDER BY id`, [userId]);
  return rows.map(toWatchEntry);
}

export async function countUserWatchEntries(executor: SqlExecutor, userId: string): Promise<number> {
  const [row] = await executor.query<{ entries: number | string }[]>(
    'SELECT COUNT(*) AS entries FROM watchlist_entries WHERE user_id = ?',
    [userId],
  );
  return Number(row.entries);
}

/**
 * The user's entry with this id; another user's entry is as absent as a
 * missing one. `forUpdate` locks it until commit on MySQL, so an edit and a
 * quote batch that fires its alert take turns.
 */
export async function findUserWatchEntry(
  manager: EntityManager,
  userId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<WatchEntry> {
  const lock = options.forUpdate && isMysqlSource(manager) ? ' FOR UPDATE' : '';
  // Ids are stored in lower case; an upper-case UUID names the same entry on every database.
  const [row] = await manager.query<RawWatchEntry[]>(`${SELECT} WHERE id = ? AND user_id = ?${lock}`, [id.toLowerCase(), userId]);
  if (!row) throw new DomainError(ErrorCode.WATCH_NOT_FOUND, `watchlist entry ${id} not found`);
  return toWatchEntry(row);
}

export async function insertWatchEntry(executor: SqlExecutor, entry: WatchEntry): Promise<void> {
  await executor.query(
    'INSERT INTO watchlist_entries (id, user_id, ticker, target_micro, direction, note, armed, last_triggered_at, created_at, updated_at) ' +
      'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [
      entry.id,
      entry.userId,
      entry.ticker,
      entry.targetMicro,
      entry.direction,
      entry.note,
      sqlBoolean(entry.armed),
      entry.lastTriggeredAt && sqlTimestamp(entry.lastTriggeredAt),
      sqlTimestamp(entry.createdAt),
      sqlTimestamp(entry.updatedAt),
    ],
  );
}

/** Writes what an edit can change. */
export async function updateWatchEntry(executor: SqlExecutor, entry: WatchEntry): Promise<void> {
  await executor.query(
    'UPDATE watchlist_entries SET target_micro = ?, direction = ?, note = ?, armed = ?, updated_at = ? WHERE id = ? AND user_id = ?',
    [entry.targetMicro, entry.direction, entry.note, sqlBoolean(entry.armed), sqlTimestamp(entry.updatedAt), entry.id, entry.userId],
  );
}

export async function deleteWatchEntry(executor: SqlExecutor, userId: string, id: string): Promise<void> {
  await executor.query('DELETE FROM watchlist_entries WHERE id = ? AND user_id = ?', [id, userId]);
}

/** Disarms the entries whose alerts fired, in one statement per 1,000 entries. */
export async function disarmWatchEntries(executor: SqlExecutor, ids: readonly string[], at: Date): Promise<void> {
  for (const slice of chunks(ids, 1000)) {
    await executor.query(
      `UPDATE watchlist_entries SET armed = 0, last_triggered_at = ?, updated_at = ? WHERE id IN (${placeholders(slice.length)})`,
      [sqlTimestamp(at), sqlTimestamp(at), ...slice],
    );
  }
}
