import { ClusterChore, ClusterChoreProvider, purgeExpiredIdempotencyKeys, TransactionRunner } from '@finstack/database';
import { Injectable, Logger, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IdempotentRequestsService } from './idempotent-requests.service';

/** How often a replica tries to purge expired keys (one replica of the cluster does, under a named lock). */
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/** Expired idempotency keys (24 h after their request) leave the table in bounded batches, once an hour per cluster. */
@Injectable()
class IdempotencyKeyPurge extends ClusterChoreProvider {
  protected readonly chore: ClusterChore;

  constructor(@InjectDataSource() dataSource: DataSource, runner: TransactionRunner) {
    super();
    this.chore = new ClusterChore(dataSource, {
      name: 'idempotency-keys-purge',
      intervalMs: PURGE_INTERVAL_MS,
      work: async () => {
        const deleted = await purgeExpiredIdempotencyKeys((work) => runner.run(work), 'idempotency_keys', new Date());
        return deleted > 0 ? `deleted ${deleted} expired idempotency keys` : undefined;
      },
      logger: new Logger(IdempotencyKeyPurge.name),
    });
  }
}

@Module({
  providers: [IdempotentRequestsService, IdempotencyKeyPurge],
  exports: [IdempotentRequestsService],
})
export class IdempotencyModule {}
