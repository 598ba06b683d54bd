import { exactText, idColumn, timestampColumn } from '@finstack/database';
import { outboxTable } from '@finstack/outbox';
import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

/**
 * Verified email addresses. Accounts made before this existed count as
 * verified (their owners already use them); new ones start unverified. The
 * pending verification of an account (one at a time) keeps only hashes of its
 * link token and code. Outgoing mail waits in its own outbox, so that a send
 * that fails is retried and never loses the request that caused it.
 */
export class AddEmailVerification1796000000000 implements MigrationInterface {
  name = 'AddEmailVerification1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('users', new TableColumn({ ...timestampColumn('email_verified_at'), isNullable: true }));
    await queryRunner.query('UPDATE users SET email_verified_at = created_at');
    await queryRunner.createTable(
      new Table({
        name: 'email_verifications',
        columns: [
          idColumn('user_id', { isPrimary: true }),
          { name: 'token_hash', type: 'char', length: '64', ...exactText(queryRunner) },
          { name: 'code_hash', type: 'char', length: '64', ...exactText(queryRunner) },
          { name: 'failed_codes', type: 'int', default: 0 },
          timestampColumn('expires_at'),
          timestampColumn('created_at'),
        ],
        indices: [{ name: 'UQ_email_verifications_token_hash', columnNames: ['token_hash'], isUnique: true }],
        foreignKeys: [
          {
            name: 'FK_email_verifications_user_id',
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
      true,
    );
    await queryRunner.createTable(outboxTable(queryRunner, 'mail_outbox'), true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('mail_outbox', true);
    await queryRunner.dropTable('email_verifications', true);
    await queryRunner.dropColumn('users', 'email_verified_at');
  }
}
