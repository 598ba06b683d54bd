import { exactText, idColumn, timestampColumn } from '@finstack/database';
import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

/**
 * Sessions people can see and end, password resets, and the sign-in alert
 * setting. A session is one refresh-token family (its id is the family id),
 * with where it signed in from; families that exist already become sessions
 * of unknown origin. A reset keeps only the sha256 of its link's token.
 */
export class AddSessionsAndPasswordResets1796200000000 implements MigrationInterface {
  name = 'AddSessionsAndPasswordResets1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('users', new TableColumn({ name: 'sign_in_alerts', type: 'boolean', default: true }));
    await queryRunner.createTable(
      new Table({
        name: 'sessions',
        columns: [
          idColumn('id', { isPrimary: true }),
          idColumn('user_id'),
          { name: 'user_agent', type: 'varchar', length: '200' },
          { name: 'ip', type: 'varchar', length: '64' },
          timestampColumn('created_at'),
          timestampColumn('last_used_at'),
          { ...timestampColumn('revoked_at'), isNullable: true },
        ],
        indices: [{ name: 'IDX_sessions_user_id_last_used_at', columnNames: ['user_id', 'last_used_at'] }],
        foreignKeys: [
          { name: 'FK_sessions_user_id', columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
      true,
    );
    await queryRunner.query(
      `INSERT INTO sessions (id, user_id, user_agent, ip, created_at, last_used_at, revoked_at)
       SELECT family_id, user_id, 'unknown', 'unknown', MIN(created_at), MAX(created_at), NULL
       FROM refresh_tokens WHERE revoked_at IS NULL GROUP BY family_id, user_id`,
    );
    await queryRunner.createTable(
      new Table({
        name: 'password_resets',
        columns: [
          idColumn('user_id', { isPrimary: true }),
          { name: 'token_hash', type: 'char', length: '64', ...exactText(queryRunner) },
          timestampColumn('expires_at'),
          timestampColumn('created_at'),
        ],
        indices: [{ name: 'UQ_password_resets_token_hash', columnNames: ['token_hash'], isUnique: true }],
        foreignKeys: [
          {
            name: 'FK_password_resets_user_id',
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('password_resets', true);
    await queryRunner.dropTable('sessions', true);
    await queryRunner.dropColumn('users', 'sign_in_alerts');
  }
}
