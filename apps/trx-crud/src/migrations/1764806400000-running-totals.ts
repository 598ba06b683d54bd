import { exactText, idColumn as id } from '@finstack/database';
import { payeeOf } from '@finstack/statement-text';
import { MigrationInterface, QueryRunner, Table, TableColumn, TableColumnOptions } from 'typeorm';

/*
 * Payees and running totals for reports (see totals/running-totals.ts),
 * filled from the transactions already stored. Schema API plus portable SQL,
 * like the other migrations; the SQL expressions are written out here, since
 * a migration is history and must not change when the app's code does.
 */

const sums = (): TableColumnOptions[] => [
  { name: 'spent_minor', type: 'bigint' },
  { name: 'received_minor', type: 'bigint' },
  { name: 'tx_count', type: 'int' },
];

const SPENT = 'SUM(CASE WHEN amount_minor < 0 THEN -amount_minor ELSE 0 END)';
const RECEIVED = 'SUM(CASE WHEN amount_minor > 0 THEN amount_minor ELSE 0 END)';
const MONTH = 'SUBSTR(occurred_on, 1, 7)';
const CATEGORY = "COALESCE(category_id, '')";
const BACKFILL_PAGE = 500;

export class RunningTotals1764806400000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'transactions',
      // Normalised text (payeeOf): lower case, so compared byte for byte on both databases.
      new TableColumn({ name: 'payee', type: 'varchar', length: '100', default: "''", ...exactText(queryRunner) }),
    );
    await this.fillPayees(queryRunner);

    await queryRunner.createTable(
      new Table({
        name: 'ledger_daily_totals',
        columns: [
          id('user_id', { isPrimary: true }),
          { name: 'currency', type: 'char', length: '3', isPrimary: true },
          { name: 'day', type: 'date', isPrimary: true },
          ...sums(),
        ],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'ledger_monthly_totals',
        // A report reads one user's months of one currency: a range of the primary key.
        columns: [
          id('user_id', { isPrimary: true }),
          { name: 'currency', type: 'char', length: '3', isPrimary: true },
          { name: 'month', type: 'char', length: '7', isPrimary: true },
          // A category id, or '' for uncategorised.
          { name: 'category_key', type: 'varchar', length: '36', isPrimary: true },
          { name: 'merchant_key', type: 'varchar', length: '100', isPrimary: true, ...exactText(queryRunner) },
          ...sums(),
        ],
      }),
      true,
    );
    await queryRunner.query(
      'INSERT INTO ledger_daily_totals (user_id, currency, day, spent_minor, received_minor, tx_count) ' +
        `SELECT user_id, currency, occurred_on, ${SPENT}, ${RECEIVED}, COUNT(*) FROM transactions ` +
        'GROUP BY user_id, currency, occurred_on',
    );
    await queryRunner.query(
      'INSERT INTO ledger_monthly_totals ' +
        '(user_id, currency, month, category_key, merchant_key, spent_minor, received_minor, tx_count) ' +
        `SELECT user_id, currency, ${MONTH}, ${CATEGORY}, payee, ${SPENT}, ${RECEIVED}, COUNT(*) ` +
        `FROM transactions GROUP BY user_id, currency, ${MONTH}, ${CATEGORY}, payee`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('ledger_monthly_totals', true);
    await queryRunner.dropTable('ledger_daily_totals', true);
    await queryRunner.dropColumn('transactions', 'payee');
  }

  /** Payees of the transactions stored before there were payees, a page at a time in id order. */
  private async fillPayees(queryRunner: QueryRunner): Promise<void> {
    for (let after = ''; ; ) {
      const rows: { id: string; description: string; merchant: string | null }[] = await queryRunner.query(
        'SELECT id, description, merchant FROM transactions WHERE id > ? ORDER BY id LIMIT ?',
        [after, BACKFILL_PAGE],
      );
      if (rows.length === 0) return;
      for (const row of rows) {
        await queryRunner.query('UPDATE transactions SET payee = ? WHERE id = ?', [payeeOf(row.description, row.merchant), row.id]);
      }
      after = rows[rows.length - 1].id;
    }
  }
}
