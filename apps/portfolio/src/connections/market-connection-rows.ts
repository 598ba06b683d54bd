import { readSqlTimestamp, SqlExecutor, sqlTimestamp } from '@finstack/database';
import { SealedColumn } from '@finstack/crypto';

/** The purpose a connection's key is sealed under (with its user id): the encryption context. */
export const CONNECTION_KEY_PURPOSE = 'market-data.connection';

/** What `npm run rotate-keys` re-wraps in this schema. */
export const CONNECTION_KEY_COLUMN: SealedColumn = {
  table: 'market_connections',
  idColumn: 'id',
  column: 'sealed_key',
  userIdColumn: 'user_id',
  purpose: CONNECTION_KEY_PURPOSE,
};

export interface MarketConnection {
  id: string;
  userId: string;
  provider: string;
  sealedKey: string;
  keyLast4: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
}

interface RawConnection {
  id: string;
  user_id: string;
  provider: string;
  sealed_key: string;
  key_last4: string;
  created_at: Date | string;
  last_used_at: Date | string | null;
  last_error: string | null;
  last_error_at: Date | string | null;
}

const SELECT = 'SELECT id, user_id, provider, sealed_key, key_last4, created_at, last_used_at, last_error, last_error_at FROM market_connections';
const orNull = (value: Date | string | null): Date | null => (value === null ? null : readSqlTimestamp(value));

const toConnection = (row: RawConnection): MarketConnection => ({
  id: row.id,
  userId: row.user_id,
  provider: row.provider,
  sealedKey: row.sealed_key,
  keyLast4: row.key_last4,
  createdAt: readSqlTimestamp(row.created_at),
  lastUsedAt: orNull(row.last_used_at),
  lastError: row.last_error,
  lastErrorAt: orNull(row.last_error_at),
});

export async function selectUserConnections(executor: SqlExecutor, userId: string): Promise<MarketConnection[]> {
  return (await executor.query<RawConnection[]>(`${SELECT} WHERE user_id = ? ORDER BY provider`, [userId])).map(toConnection);
}

/** Every connection to a provider, for polling: one per user at most. */
export async function selectProviderConnections(executor: SqlExecutor, provider: string): Promise<MarketConnection[]> {
  return (await executor.query<RawConnection[]>(`${SELECT} WHERE provider = ? ORDER BY id`, [provider])).map(toConnection);
}

/** Replaces the user's key for the provider (a new id: a new key is a new connection). */
export async function replaceConnection(executor: SqlExecutor, connection: MarketConnection): Promise<void> {
  await executor.query('DELETE FROM market_connections WHERE user_id = ? AND provider = ?', [connection.userId, connection.provider]);
  await executor.query(
    'INSERT INTO market_connections (id, user_id, provider, sealed_key, key_last4, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    [connection.id, connection.userId, connection.provider, connection.sealedKey, connection.keyLast4, sqlTimestamp(connection.createdAt)],
  );
}

export async function deleteConnection(executor: SqlExecutor, userId: string, provider: string): Promise<void> {
  await executor.query('DELETE FROM market_connections WHERE user_id = ? AND provider = ?', [userId, provider]);
}

export async function markConnectionUsed(executor: SqlExecutor, id: string, at: Date): Promise<void> {
  await executor.query('UPDATE market_connections SET last_used_at = ?, last_error = NULL, last_error_at = NULL WHERE id = ?', [sqlTimestamp(at), id]);
}

export async function markConnectionFailed(executor: SqlExecutor, id: string, error: string, at: Date): Promise<void> {
  await executor.query('UPDATE market_connections SET last_error = ?, last_error_at = ? WHERE id = ?', [error.slice(0, 300), sqlTimestamp(at), id]);
}
