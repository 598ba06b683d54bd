import { exactText, freeText, idColumn as id, timestampColumn as timestamp } from '@finstack/database';
import { outboxTable } from '@finstack/outbox';
import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';

/*
 * Written with the schema API only, so one migration serves MySQL/MariaDB and
 * SQLite. Besides TypeORM it imports only append-only helpers (column shapes,
 * the outbox table). Quantities and prices are BIGINT micro-units (10^-6): a
 * value below 10^12 with 6 decimals fits, and products stay exact in code.
 */

/** "AAPL", "BRK.B": at most 12 characters, compared byte for byte. */
const ticker = (queryRunner: QueryRunner, options: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name: 'ticker',
  type: 'varchar',
  length: '12',
  ...exactText(queryRunner),
  ...options,
});

const micro = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'bigint', isNullable });

/** 'above' or 'below'. */
const direction = (queryRunner: QueryRunner): TableColumnOptions => ({
  name: 'direction',
  type: 'varchar',
  length: '5',
  ...exactText(queryRunner),
});

export class CreatePortfolioTables1795305600000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'holdings',
        columns: [
          id('id', { isPrimary: true }),
          id('user_id'),
          ticker(queryRunner),
          micro('quantity_micro'),
          micro('average_cost_micro', true),
          timestamp('created_at'),
          timestamp('updated_at'),
        ],
        // One holding per ticker and user; also the order a user's holdings are listed in.
        indices: [{ name: 'UQ_holdings_user_ticker', columnNames: ['user_id', 'ticker'], isUnique: true }],
      }),
      true,
    );

    await queryRunner.createTable(
      new Table({
        name: 'watchlist_entries',
        columns: [
          id('id', { isPrimary: true }),
          id('user_id'),
          ticker(queryRunner),
          micro('target_micro'),
          direction(queryRunner),
          { name: 'note', type: 'varchar', length: '500', isNullable: true, ...freeText(queryRunner) },
          { name: 'armed', type: 'boolean' },
          { ...timestamp('last_triggered_at'), isNullable: true },
          timestamp('created_at'),
          timestamp('updated_at'),
        ],
        indices: [
          // The crossing check: for a ticker and direction, the armed entries a price reaches are one
          // range of this index (target ≤ the highest price for 'above', ≥ the lowest for 'below').
          { name: 'IDX_watchlist_crossing', columnNames: ['ticker', 'direction', 'armed', 'target_micro'] },
          { name: 'IDX_watchlist_user', columnNames: ['user_id', 'id'] },
        ],
      }),
      true,
    );

    await queryRunner.createTable(
      new Table({
        name: 'price_alerts',
        columns: [
          id('id', { isPrimary: true }),
          id('user_id'),
          // No foreign key: the history stays when its watchlist entry is deleted.
          id('watch_id'),
          ticker(queryRunner),
          direction(queryRunner),
          micro('target_micro'),
          micro('price_micro'),
          timestamp('quote_at'),
          timestamp('triggered_at'),
        ],
        indices: [
          // A user's history newest first, a keyset page at a time; and the same for one entry.
          { name: 'IDX_price_alerts_user', columnNames: ['user_id', 'id'] },
          { name: 'IDX_price_alerts_user_watch', columnNames: ['user_id', 'watch_id', 'id'] },
        ],
      }),
      true,
    );

    await queryRunner.createTable(
      new Table({
        name: 'latest_quotes',
        columns: [
          ticker(queryRunner, { isPrimary: true }),
          micro('price_micro'),
          { name: 'currency', type: 'char', length: '3' },
          timestamp('quoted_at'),
          // The last price of the latest UTC day before quoted_at's day that had a quote, and that day.
          micro('previous_close_micro', true),
          { name: 'previous_close_day', type: 'date', isNullable: true },
          timestamp('updated_at'),
        ],
      }),
      true,
    );

    await queryRunner.createTable(outboxTable(queryRunner, 'portfolio_outbox'), true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('portfolio_outbox', true);
    await queryRunner.dropTable('latest_quotes', true);
    await queryRunner.dropTable('price_alerts', true);
    await queryRunner.dropTable('watchlist_entries', true);
    await queryRunner.dropTable('holdings', true);
  }
}
