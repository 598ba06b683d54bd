import { SqlExecutor } from './raw-sql';

/** Runs database work: in a transaction of its own (TransactionRunner.run), or statement by statement (its autocommit). */
export type TransactionOf = <T>(work: (executor: SqlExecutor) => Promise<T>) => Promise<T>;

/**
 * Repeats `deleteBatch` (which deletes at most `batchSize` rows and says how
 * many) each in its own transaction until a batch comes back short, so that no
 * purge holds locks for long; the total deleted.
 */
export async function deleteInBatches(run: TransactionOf, batchSize: number, deleteBatch: (executor: SqlExecutor) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await run(deleteBatch);
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
