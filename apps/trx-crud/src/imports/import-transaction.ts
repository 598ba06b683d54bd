import { TransactionRunner } from '@finstack/database';
import { Logger } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { isMysql } from '../common/sql';

/**
 * The one database transaction an import runs in, open from begin to finish,
 * so that an import is applied whole or not at all, also when the process
 * dies in the middle: the database rolls back the transaction of a
 * connection that is gone (MySQL) or never committed (SQLite's journal).
 */
export interface ImportTransaction {
  query<T>(sql: string, params: unknown[]): Promise<T>;
  commit(): Promise<void>;
  /** Never fails: an import that is rolled back must not fail a second time over it. */
  rollback(): Promise<void>;
}

const logger = new Logger('ImportTransaction');

export function openImportTransaction(dataSource: DataSource, runner: TransactionRunner): Promise<ImportTransaction> {
  return isMysql(dataSource) ? PooledImportTransaction.open(dataSource) : QueuedImportTransaction.open(runner);
}

/** What the import uses of mysql2's connection beyond TypeORM's query runner. */
interface MysqlConnection {
  destroy(): void;
}

/**
 * MySQL: a connection of its own from the pool, held for the import's life,
 * so the import's long transaction never delays other requests' statements.
 * READ COMMITTED: each duplicate check sees what others committed meanwhile
 * (and, as always, the import's own rows); fewer gap locks on the indexes.
 */
class PooledImportTransaction implements ImportTransaction {
  private settled = false;

  private constructor(private readonly queryRunner: QueryRunner) {}

  static async open(dataSource: DataSource): Promise<ImportTransaction> {
    const queryRunner = dataSource.createQueryRunner();
    try {
      await queryRunner.connect();
      await queryRunner.startTransaction('READ COMMITTED');
    } catch (error) {
      await queryRunner.release();
      throw error;
    }
    return new PooledImportTransaction(queryRunner);
  }

  query<T>(sql: string, params: unknown[]): Promise<T> {
    return this.queryRunner.query(sql, params) as Promise<T>;
  }

  async commit(): Promise<void> {
    this.settled = true;
    try {
      await this.queryRunner.commitTransaction();
    } catch (error) {
      await this.discard();
      throw error;
    }
    await this.queryRunner.release();
  }

  async rollback(): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    try {
      await this.queryRunner.rollbackTransaction();
      await this.queryRunner.release();
    } catch (error) {
      logger.warn(`rollback failed (${(error as Error).message}); closing the connection, which rolls back`);
      await this.discard();
    }
  }

  private get connection(): MysqlConnection {
    return (this.queryRunner as QueryRunner & { databaseConnection: MysqlConnection }).databaseConnection;
  }

  /** Closes the connection instead of returning it to the pool: the server then rolls back whatever it held. */
  private async discard(): Promise<void> {
    try {
      this.connection?.destroy();
    } finally {
      await this.queryRunner.release().catch(() => undefined);
    }
  }
}

/** Thrown inside the queued transaction to make TypeORM roll it back. */
const ROLLBACK = Symbol('rollback import');

/**
 * SQLite: TypeORM shares one connection, so the TransactionRunner queues
 * transactions. The import holds one queued run() open for its whole life:
 * nothing else interleaves on the connection, and other writes wait (in
 * order) until the import finishes, is rolled back or is abandoned. Reads
 * outside transactions are not queued and, on that same connection, see the
 * import's rows before it commits.
 */
class QueuedImportTransaction implements ImportTransaction {
  private settled = false;

  private constructor(
    private readonly manager: EntityManager,
    private readonly end: (commit: boolean) => void,
    private readonly done: Promise<void>,
  ) {}

  static open(runner: TransactionRunner): Promise<ImportTransaction> {
    return new Promise((resolve, reject) => {
      let end!: (commit: boolean) => void;
      const ended = new Promise<boolean>((settle) => (end = settle));
      const done = runner.run(async (manager) => {
        resolve(new QueuedImportTransaction(manager, end, settledDone));
        if (!(await ended)) throw ROLLBACK;
      });
      const settledDone = done.catch((error: unknown) => {
        if (error !== ROLLBACK) throw error;
      });
      // Fails `open` when the transaction could not start; harmless once it has resolved.
      settledDone.catch(reject);
    });
  }

  query<T>(sql: string, params: unknown[]): Promise<T> {
    return this.manager.query(sql, params) as Promise<T>;
  }

  async commit(): Promise<void> {
    this.settled = true;
    this.end(true);
    await this.done;
  }

  async rollback(): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    this.end(false);
    await this.done.catch((error: unknown) => logger.warn(`rollback failed: ${(error as Error).message}`));
  }
}
