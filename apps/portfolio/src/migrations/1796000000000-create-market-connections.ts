import { exactText, idColumn as id, timestampColumn as timestamp } from '@finstack/database';
import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * A user's API key for a market-data provider, sealed by @finstack/crypto
 * (envelope encryption bound to the user id): only the last 4 characters are
 * kept readable, to show which key it is.
 */
export class CreateMarketConnections1796000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'market_connections',
        columns: [
          id('id', { isPrimary: true }),
          id('user_id'),
          { name: 'provider', type: 'varchar', length: '32', ...exactText(queryRunner) },
          { name: 'sealed_key', type: 'varchar', length: '1024', ...exactText(queryRunner) },
          { name: 'key_last4', type: 'varchar', length: '4', ...exactText(queryRunner) },
          timestamp('created_at'),
          { ...timestamp('last_used_at'), isNullable: true },
          { name: 'last_error', type: 'varchar', length: '300', isNullable: true, ...exactText(queryRunner) },
          { ...timestamp('last_error_at'), isNullable: true },
        ],
        indices: [{ name: 'UQ_market_connections_user_provider', columnNames: ['user_id', 'provider'], isUnique: true }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('market_connections');
  }
}
