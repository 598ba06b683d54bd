import { outboxTraceparentColumn } from '@finstack/outbox';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each outbox event keeps the trace context of the request that wrote it (span links from its relay and push). */
export class OutboxTraceparent1797100000000 implements MigrationInterface {
  name = 'OutboxTraceparent1797100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['ledger_outbox']) await queryRunner.addColumn(table, outboxTraceparentColumn());
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['ledger_outbox']) await queryRunner.dropColumn(table, 'traceparent');
  }
}
