import { MigrationInterface, QueryRunner, Table, TableColumn, TableColumnOptions, TableIndex } from 'typeorm';

/*
 * Automatic categories (confidence and reason) and CSV imports. Schema API
 * only, like the first migration, and self-contained: a migration is history.
 */

const isMysql = (queryRunner: QueryRunner) => queryRunner.connection.options.type === 'mysql';

/** Text people write: utf8mb4 on MySQL whatever the server's default (see the first migration). */
const freeText = (queryRunner: QueryRunner): Partial<TableColumnOptions> =>
  isMysql(queryRunner) ? { charset: 'utf8mb4', collation: 'utf8mb4_unicode_ci' } : {};

/**
 * Keys written by the service itself (a UUID, a hex digest): compared byte for
 * byte on MySQL, which is also cheaper on every index probe of a bulk import.
 */
const asciiKey = (queryRunner: QueryRunner): Partial<TableColumnOptions> =>
  isMysql(queryRunner) ? { charset: 'ascii', collation: 'ascii_bin' } : {};

const timestamp = (name: string, options: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'datetime',
  precision: 3,
  ...options,
});

export class CategorizationAndImports1764201600000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('transactions', [
      // 0 to 1, as the classifier reported it; a double is exact enough for a score and portable.
      new TableColumn({ name: 'category_confidence', type: 'double', isNullable: true }),
      new TableColumn({ name: 'category_reason', type: 'varchar', length: '500', isNullable: true, ...freeText(queryRunner) }),
      new TableColumn({ name: 'import_id', type: 'char', length: '36', isNullable: true, ...asciiKey(queryRunner) }),
      // sha256 (hex) of a row imported without an externalId; see imports/import-fingerprint.ts.
      new TableColumn({ name: 'fingerprint', type: 'char', length: '64', isNullable: true, ...asciiKey(queryRunner) }),
    ]);
    await queryRunner.createIndices('transactions', [
      // An import's transactions in list order (occurred_on DESC, id DESC): the classifier pages
      // through them right after an import, and each keyset page must be a short range read.
      new TableIndex({
        name: 'IDX_transactions_user_import',
        columnNames: ['user_id', 'import_id', 'occurred_on', 'id'],
      }),
      // Import dedupe for rows without an externalId; NULLs (every other row) never collide.
      new TableIndex({
        name: 'UQ_transactions_user_fingerprint',
        columnNames: ['user_id', 'fingerprint'],
        isUnique: true,
      }),
    ]);

    await queryRunner.createTable(
      new Table({
        name: 'imports',
        columns: [
          { name: 'id', type: 'char', length: '36', isPrimary: true },
          { name: 'user_id', type: 'char', length: '36' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'file_name', type: 'varchar', length: '255', isNullable: true, ...freeText(queryRunner) },
          { name: 'inserted', type: 'int' },
          { name: 'duplicates', type: 'int' },
          // JSON array of the first failures ({line, reason}); up to 1000 of them outgrow TEXT's 64 KB on MySQL.
          { name: 'failed', type: isMysql(queryRunner) ? 'mediumtext' : 'text', ...freeText(queryRunner) },
          { name: 'failed_count', type: 'int' },
          timestamp('created_at'),
          timestamp('completed_at'),
        ],
        indices: [{ name: 'IDX_imports_user_created', columnNames: ['user_id', 'created_at'] }],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('imports', true);
    await queryRunner.dropIndex('transactions', 'UQ_transactions_user_fingerprint');
    await queryRunner.dropIndex('transactions', 'IDX_transactions_user_import');
    await queryRunner.dropColumns('transactions', ['fingerprint', 'import_id', 'category_reason', 'category_confidence']);
  }
}
