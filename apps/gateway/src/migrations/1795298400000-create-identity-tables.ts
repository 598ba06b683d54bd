import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';

/** Millisecond UTC timestamps: DATETIME(3) on MySQL; TypeORM writes UTC text on SQLite. */
const timestamp = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'datetime',
  precision: 3,
  isNullable,
});

const uuid = (name: string): TableColumnOptions => ({ name, type: 'char', length: '36' });

const onMysql = (queryRunner: QueryRunner): boolean => queryRunner.connection.options.type === 'mysql';

/** Text people write, in full Unicode whatever the server's default character set. */
const humanText = (queryRunner: QueryRunner): Partial<TableColumnOptions> =>
  onMysql(queryRunner) ? { charset: 'utf8mb4', collation: 'utf8mb4_unicode_ci' } : {};

/**
 * Compared byte for byte. MySQL's default collation also ignores accents, so
 * "josé@" and "jose@" would collide there but not on SQLite.
 */
const exactText = (queryRunner: QueryRunner): Partial<TableColumnOptions> =>
  onMysql(queryRunner) ? { charset: 'utf8mb4', collation: 'utf8mb4_bin' } : {};

/**
 * The identity schema. Only TypeORM's schema API, so the same migration runs on
 * MySQL/MariaDB and on SQLite. Emails are unique regardless of case through the
 * lower-cased email_key, which needs no functional index. A migration is
 * history: it imports nothing that may change later.
 */
export class CreateIdentityTables1795298400000 implements MigrationInterface {
  name = 'CreateIdentityTables1795298400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          { ...uuid('id'), isPrimary: true },
          { name: 'email', type: 'varchar', length: '254', ...humanText(queryRunner) },
          { name: 'email_key', type: 'varchar', length: '254', ...exactText(queryRunner) },
          { name: 'password_hash', type: 'varchar', length: '255' },
          { name: 'display_name', type: 'varchar', length: '100', isNullable: true, ...humanText(queryRunner) },
          timestamp('created_at'),
          timestamp('updated_at'),
        ],
        indices: [{ name: 'UQ_users_email_key', columnNames: ['email_key'], isUnique: true }],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [
          { ...uuid('id'), isPrimary: true },
          uuid('user_id'),
          uuid('family_id'),
          { name: 'token_hash', type: 'char', length: '64', ...exactText(queryRunner) },
          timestamp('expires_at'),
          timestamp('used_at', true),
          timestamp('revoked_at', true),
          timestamp('created_at'),
        ],
        indices: [
          { name: 'UQ_refresh_tokens_token_hash', columnNames: ['token_hash'], isUnique: true },
          { name: 'IDX_refresh_tokens_family_id', columnNames: ['family_id'] },
          { name: 'IDX_refresh_tokens_user_id', columnNames: ['user_id'] },
        ],
        foreignKeys: [
          {
            name: 'FK_refresh_tokens_user_id',
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('refresh_tokens', true);
    await queryRunner.dropTable('users', true);
  }
}
