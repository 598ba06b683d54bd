import { ClusterChore, ClusterChoreProvider, deleteInBatches, sqlTimestamp, TransactionOf, TransactionRunner } from '@finstack/database';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const PURGE_INTERVAL_MS = 60 * 60 * 1000;
/**
 * How long an ended token is kept. Presenting a used token of a live session
 * is theft and ends that session; once the session has ended the token only
 * has to be refused, which an unknown token is as well.
 */
export const ENDED_TOKENS_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Deletes refresh tokens that expired or were revoked before `cutoff`, at most
 * `batchSize` per transaction; the number deleted.
 */
export async function purgeEndedRefreshTokens(
  run: TransactionOf,
  cutoff: Date,
  batchSize = 1000,
): Promise<number> {
  const before = sqlTimestamp(cutoff);
  return deleteInBatches(run, batchSize, async (executor) => {
    const ids = await executor.query<Array<{ id: string }>>(
      'SELECT id FROM refresh_tokens WHERE expires_at < ? OR revoked_at < ? LIMIT ?',
      [before, before, batchSize],
    );
    if (ids.length === 0) return 0;
    await executor.query(`DELETE FROM refresh_tokens WHERE id IN (${ids.map(() => '?').join(', ')})`, ids.map((row) => row.id));
    return ids.length;
  });
}

/** Ended refresh tokens leave the identity schema a week after they end, once an hour per cluster. */
@Injectable()
export class RefreshTokenPurge extends ClusterChoreProvider {
  protected readonly chore: ClusterChore;

  constructor(@InjectDataSource() dataSource: DataSource, runner: TransactionRunner) {
    super();
    this.chore = new ClusterChore(dataSource, {
      name: 'refresh-tokens-purge',
      intervalMs: PURGE_INTERVAL_MS,
      work: async () => {
        const deleted = await purgeEndedRefreshTokens((work) => runner.run(work), new Date(Date.now() - ENDED_TOKENS_KEPT_MS));
        return deleted > 0 ? `deleted ${deleted} refresh tokens ended over 7 days ago` : undefined;
      },
      logger: new Logger(RefreshTokenPurge.name),
    });
  }
}
