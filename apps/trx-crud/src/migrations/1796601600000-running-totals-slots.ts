import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/*
 * A `slot` in the key of each running-totals table (see
 * totals/running-totals.ts): concurrent writers of the same user, day,
 * category and payee add to different rows instead of queueing on one row's
 * lock until each commits. Readers already SUM over the key they ask for, so
 * the slots add up without any change to them. Rows stored before get slot 0.
 *
 * On MySQL one ALTER rebuilds each table once (the schema API would rebuild
 * it for the column and again for the key); SQLite's schema API recreates the
 * table either way. A migration is history: nothing here follows the app's
 * constants.
 */

const TABLES = [
  { name: 'ledger_daily_totals', key: ['user_id', 'currency', 'day'] },
  { name: 'ledger_monthly_totals', key: ['user_id', 'currency', 'month', 'category_key', 'merchant_key'] },
];

const isMysql = (queryRunner: QueryRunner) => queryRunner.connection.options.type === 'mysql';

export class RunningTotalsSlots1796601600000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { name, key } of TABLES) {
      if (isMysql(queryRunner)) {
        await queryRunner.query(
          `ALTER TABLE ${name} ADD COLUMN slot SMALLINT NOT NULL DEFAULT 0, DROP PRIMARY KEY, ADD PRIMARY KEY (${[...key, 'slot'].join(', ')})`,
        );
        continue;
      }
      // SQLite recreates the table with the column, and it in the primary key.
      await queryRunner.addColumn(name, new TableColumn({ name: 'slot', type: 'smallint', default: 0, isPrimary: true }));
    }
  }

  /** Folds every key's slots into one row, then drops the column. */
  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { name, key } of TABLES) {
      const keys = key.join(', ');
      await queryRunner.query(
        `CREATE TABLE ${name}_folded AS SELECT ${keys}, SUM(spent_minor) AS spent_minor, SUM(received_minor) AS received_minor, ` +
          `SUM(tx_count) AS tx_count FROM ${name} GROUP BY ${keys}`,
      );
      await queryRunner.query(`DELETE FROM ${name}`);
      if (isMysql(queryRunner)) {
        await queryRunner.query(`ALTER TABLE ${name} DROP PRIMARY KEY, DROP COLUMN slot, ADD PRIMARY KEY (${keys})`);
      } else {
        await queryRunner.dropColumn(name, 'slot');
      }
      await queryRunner.query(
        `INSERT INTO ${name} (${keys}, spent_minor, received_minor, tx_count) SELECT ${keys}, spent_minor, received_minor, tx_count FROM ${name}_folded`,
      );
      await queryRunner.query(`DROP TABLE ${name}_folded`);
    }
  }
}
