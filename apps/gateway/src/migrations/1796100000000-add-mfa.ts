import { exactText, idColumn, timestampColumn } from '@finstack/database';
import { MigrationInterface, QueryRunner, Table, TableForeignKey } from 'typeorm';

const ownedBy = (table: string): TableForeignKey =>
  new TableForeignKey({ name: `FK_${table}_user_id`, columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' });

/**
 * TOTP multi-factor authentication: one authenticator per user (its secret
 * sealed), single-use recovery codes (hashed), and the pending second step of
 * log-ins (the challenge token hashed). Every row belongs to a user and goes
 * with the account.
 */
export class AddMfa1796100000000 implements MigrationInterface {
  name = 'AddMfa1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'mfa_totp',
        columns: [
          idColumn('user_id', { isPrimary: true }),
          { name: 'sealed_secret', type: 'text', ...exactText(queryRunner) },
          { ...timestampColumn('confirmed_at'), isNullable: true },
          { name: 'last_used_step', type: 'bigint', isNullable: true },
          timestampColumn('created_at'),
        ],
        foreignKeys: [ownedBy('mfa_totp')],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'mfa_recovery_codes',
        columns: [
          idColumn('id', { isPrimary: true }),
          idColumn('user_id'),
          { name: 'code_hash', type: 'char', length: '64', ...exactText(queryRunner) },
          { ...timestampColumn('used_at'), isNullable: true },
        ],
        indices: [{ name: 'IDX_mfa_recovery_codes_user_id', columnNames: ['user_id'] }],
        foreignKeys: [ownedBy('mfa_recovery_codes')],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'mfa_challenges',
        columns: [
          idColumn('id', { isPrimary: true }),
          idColumn('user_id'),
          { name: 'token_hash', type: 'char', length: '64', ...exactText(queryRunner) },
          { name: 'ip', type: 'varchar', length: '64' },
          { name: 'user_agent', type: 'varchar', length: '200', isNullable: true },
          { name: 'failed_codes', type: 'int', default: 0 },
          timestampColumn('expires_at'),
        ],
        indices: [
          { name: 'UQ_mfa_challenges_token_hash', columnNames: ['token_hash'], isUnique: true },
          { name: 'IDX_mfa_challenges_user_id', columnNames: ['user_id'] },
        ],
        foreignKeys: [ownedBy('mfa_challenges')],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('mfa_challenges', true);
    await queryRunner.dropTable('mfa_recovery_codes', true);
    await queryRunner.dropTable('mfa_totp', true);
  }
}
