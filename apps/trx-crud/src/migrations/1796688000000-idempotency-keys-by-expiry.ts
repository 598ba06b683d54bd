import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/** The expired idempotency keys, for the hourly purge's bounded batches: one range of this index. */
export class IdempotencyKeysByExpiry1796688000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('idempotency_keys', new TableIndex({ name: 'IDX_idempotency_keys_expires', columnNames: ['expires_at'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('idempotency_keys', 'IDX_idempotency_keys_expires');
  }
}
