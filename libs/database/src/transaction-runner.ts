import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a unit of work in one database transaction. Every write goes through
 * here: TypeORM's SQLite drivers share one connection, so two overlapping
 * transactions would silently nest as savepoints and a rollback could undo
 * a neighbour's write. On SQLite the runner therefore queues transactions;
 * on MySQL they run concurrently, each on its own pooled connection.
 */
@Injectable()
export class TransactionRunner {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly serialise: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.serialise = dataSource.options.type !== 'mysql';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serialise) return this.dataSource.transaction(work);
    const result = this.queue.then(() => this.dataSource.transaction(work));
    this.queue = result.catch(() => undefined);
    return result;
  }
}
