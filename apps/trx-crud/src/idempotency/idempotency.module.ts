import { ClusterChore, purgeExpiredIdempotencyKeys, TransactionRunner } from '@finstack/database';
import { Injectable, Logger, Module, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IdempotentRequestsService } from './idempotent-requests.service';

/** How often a replica tries to purge expired keys (one replica of the cluster does, under a named lock). */
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/** Expired idempotency keys (24 h after their request) leave the table in bounded batches, once an hour per cluster. */
@Injectable()
class IdempotencyKeyPurge implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly chore: ClusterChore;

  constructor(@InjectDataSource() dataSource: DataSource, runner: TransactionRunner) {
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

  onApplicationBootstrap(): void {
    this.chore.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.chore.stop();
  }
}

@Module({
  providers: [IdempotentRequestsService, IdempotencyKeyPurge],
  exports: [IdempotentRequestsService],
})
export class IdempotencyModule {}
