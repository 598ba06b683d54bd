import { deleteInBatches, TransactionOf } from './batched-delete';
import { sqlTimestamp } from './raw-sql';

/**
 * Deletes expired idempotency keys of `table` (user_id, idempotency_key,
 * expires_at), at most `batchSize` per transaction so that no purge holds
 * locks for long; the number deleted. A key replaced meanwhile by a new
 * request (a later expires_at) is left alone.
 */
export async function purgeExpiredIdempotencyKeys(
  run: TransactionOf,
  table: string,
  now: Date,
  batchSize = 1000,
): Promise<number> {
  if (!/^[a-z][a-z0-9_]*$/.test(table)) throw new Error(`not a table name: ${table}`);
  const cutoff = sqlTimestamp(now);
  return deleteInBatches(run, batchSize, async (executor) => {
    const keys = await executor.query<Array<{ user_id: string; idempotency_key: string }>>(
      `SELECT user_id, idempotency_key FROM ${table} WHERE expires_at < ? LIMIT ?`,
      [cutoff, batchSize],
    );
    if (keys.length === 0) return 0;
    await executor.query(
      `DELETE FROM ${table} WHERE expires_at < ? AND (user_id, idempotency_key) IN (${keys.map(() => '(?, ?)').join(', ')})`,
      [cutoff, ...keys.flatMap((key) => [key.user_id, key.idempotency_key])],
    );
    return keys.length;
  });
}
