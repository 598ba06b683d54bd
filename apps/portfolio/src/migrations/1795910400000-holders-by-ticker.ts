import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/** The holders of a ticker, for notifications to push its price moves to: one range of this index. */
export class HoldersByTicker1795910400000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('holdings', new TableIndex({ name: 'IDX_holdings_ticker_user', columnNames: ['ticker', 'user_id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('holdings', 'IDX_holdings_ticker_user');
  }
}
