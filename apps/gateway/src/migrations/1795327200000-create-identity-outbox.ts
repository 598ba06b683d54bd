import { outboxTable } from '@finstack/outbox';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The identity schema's outbox: log-in alerts (auth.login) written in the
 * same database transaction as the session they tell of. outboxTable is an
 * append-only helper, so this migration keeps building the same table.
 */
export class CreateIdentityOutbox1795327200000 implements MigrationInterface {
  name = 'CreateIdentityOutbox1795327200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(outboxTable(queryRunner, 'identity_outbox'), true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('identity_outbox', true);
  }
}
