import { exactText, freeText, idColumn as id, timestampColumn as timestamp } from '@finstack/database';
import { outboxTable } from '@finstack/outbox';
import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';

/*
 * Written with the schema API only, so one migration serves MySQL/MariaDB and
 * SQLite. Besides TypeORM it imports only append-only helpers (column shapes,
 * the outbox table).
 */

const word = (queryRunner: QueryRunner, name: string, length: number, isNullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
  ...exactText(queryRunner),
});

/** A result with the chart series of 30 years of prices is about 1 MB: beyond MySQL's 64 KB TEXT. */
const largeJson = (queryRunner: QueryRunner, name: string): TableColumnOptions => ({
  name,
  type: queryRunner.connection.options.type === 'mysql' ? 'mediumtext' : 'text',
  isNullable: true,
  ...exactText(queryRunner),
});

const stamp = (name: string): TableColumnOptions => ({ ...timestamp(name), isNullable: true });

export class CreateVarTables1795400000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'var_runs',
        columns: [
          id('id', { isPrimary: true }),
          id('user_id'),
          // 'strategy' | 'portfolio'
          word(queryRunner, 'kind', 16),
          // 'queued' | 'running' | 'succeeded' | 'failed'
          word(queryRunner, 'status', 16),
          word(queryRunner, 'ticker', 12, true),
          // The request as understood, defaults filled in (JSON): the audit of what was asked.
          { name: 'params', type: 'text', ...exactText(queryRunner) },
          largeJson(queryRunner, 'result'),
          word(queryRunner, 'error_code', 64, true),
          { name: 'error_message', type: 'varchar', length: '2000', isNullable: true, ...freeText(queryRunner) },
          // Thousandths of the work done.
          { name: 'progress_permille', type: 'int', default: 0 },
          { name: 'duration_ms', type: 'int', isNullable: true },
          timestamp('created_at'),
          stamp('started_at'),
          stamp('finished_at'),
          // Touched while a replica holds the job: a stale one was left by a replica that stopped.
          timestamp('heartbeat_at'),
        ],
        indices: [
          // A user's runs, newest first (ids are UUIDv7, so id order is creation order).
          { name: 'IDX_var_runs_user', columnNames: ['user_id', 'id'] },
          { name: 'IDX_var_runs_unfinished', columnNames: ['status', 'heartbeat_at'] },
        ],
      }),
      true,
    );
    await queryRunner.createTable(outboxTable(queryRunner, 'var_outbox'), true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('var_outbox', true);
    await queryRunner.dropTable('var_runs', true);
  }
}
