import { outboxTable } from '@finstack/outbox';
import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The ledger's transactional outbox: transaction.created and
 * transaction.categorized, written in the same database transaction as the
 * change and relayed to notifications (see @finstack/outbox). The name is
 * written out: a migration is history and must not follow the app's constants.
 */
export class LedgerOutbox1795392000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(outboxTable(queryRunner, 'ledger_outbox'), true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('ledger_outbox', true);
  }
}
