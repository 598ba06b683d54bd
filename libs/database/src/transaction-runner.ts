import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** InnoDB picks a victim when two transactions wait on each other; the victim may simply run again. */
const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const MAX_ATTEMPTS = 3;

function isRetryable(error: unknown): boolean {
  const { code, driverError } = (error ?? {}) as { code?: string; driverError?: { code?: string } };
  return RETRYABLE.has(driverError?.code ?? code ?? '');
}

/**
 * Runs a unit of work in one database transaction. Every write goes through
 * here, for two reasons:
 * - TypeORM's SQLite drivers share one connection, so two overlapping
 *   transactions would silently nest as savepoints and a rollback could undo a
 *   neighbour's write. On SQLite the runner therefore queues transactions.
 * - On MySQL they run concurrently, each on its own pooled connection, and a
 *   deadlock victim is run again (the work must only touch the database).
 */
@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger(TransactionRunner.name);
  private queue: Promise<unknown> = Promise.resolve();
  private readonly serialise: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.serialise = dataSource.options.type !== 'mysql';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serialise) return this.withRetries(work);
    const result = this.queue.then(() => this.dataSource.transaction(work));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /**
   * Runs work whose statements each stand alone (a read, or an idempotent
   * write): on MySQL straight on the pool, each statement committing by
   * itself, which spares the BEGIN and COMMIT round trips of a transaction; on
   * SQLite queued like a transaction, so it never sees a neighbour's
   * uncommitted write on the shared connection.
   */
  autocommit<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.serialise) return this.run(work);
    return this.withRetries(work, (inner) => inner(this.dataSource.manager));
  }

  private async withRetries<T>(
    work: (manager: EntityManager) => Promise<T>,
    within: (work: (manager: EntityManager) => Promise<T>) => Promise<T> = (inner) => this.dataSource.transaction(inner),
  ): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await within(work);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
        this.logger.warn(`transaction ${(error as Error).message}; attempt ${attempt + 1} of ${MAX_ATTEMPTS}`);
      }
    }
  }
}
