import { QueryRunner, TableColumnOptions } from 'typeorm';

/*
 * Column shapes shared by the apps' migrations. Migrations are history, and
 * this file is part of it: never change a helper here, since existing
 * migrations must keep creating exactly the schema they always did. Add a new
 * helper (or a new name) instead.
 */

/** A UUID, stored as its 36-character text. */
export const idColumn = (name: string, options: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'char',
  length: '36',
  ...options,
});

/** A UTC instant with milliseconds. */
export const timestampColumn = (name: string): TableColumnOptions => ({ name, type: 'datetime', precision: 3 });

/**
 * Character set of text columns on MySQL, whatever the server's default (MariaDB's is still latin1):
 * people's text needs all of Unicode. SQLite stores UTF-8 and compares bytes already.
 */
const mysqlText = (queryRunner: QueryRunner, collation: string): Partial<TableColumnOptions> =>
  queryRunner.connection.options.type === 'mysql' ? { charset: 'utf8mb4', collation } : {};

/** Text people write: compared without regard to case on MySQL (LIKE searches rely on it). */
export const freeText = (queryRunner: QueryRunner) => mysqlText(queryRunner, 'utf8mb4_unicode_ci');

/**
 * Keys compared byte for byte, so that "ABC" and "abc" are different keys on
 * MySQL just as on SQLite.
 */
export const exactText = (queryRunner: QueryRunner) => mysqlText(queryRunner, 'utf8mb4_bin');
