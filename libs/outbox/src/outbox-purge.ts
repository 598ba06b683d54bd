import { deleteInBatches, sqlTimestamp, TransactionOf } from '@finstack/database';

/** How long published events stay, for an incident's look back, before the purge deletes them. */
export const PUBLISHED_EVENTS_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Deletes the events of `table` published before `before`, oldest first, at
 * most `batchSize` per transaction (a range of the (published_at, id) index),
 * so that no purge holds locks for long; the number deleted. Unpublished and
 * dead-lettered events are never touched.
 */
export async function purgePublishedEvents(
  run: TransactionOf,
  table: string,
  before: Date,
  batchSize = 1000,
): Promise<number> {
  if (!/^[a-z][a-z0-9_]*$/.test(table)) throw new Error(`not an outbox table name: ${table}`);
  const cutoff = sqlTimestamp(before);
  return deleteInBatches(run, batchSize, async (executor) => {
    const rows = await executor.query<Array<{ id: string }>>(
      `SELECT id FROM ${table} WHERE published_at IS NOT NULL AND published_at < ? ORDER BY published_at, id LIMIT ?`,
      [cutoff, batchSize],
    );
    if (rows.length === 0) return 0;
    await executor.query(`DELETE FROM ${table} WHERE id IN (${rows.map(() => '?').join(', ')})`, rows.map((row) => row.id));
    return rows.length;
  });
}
