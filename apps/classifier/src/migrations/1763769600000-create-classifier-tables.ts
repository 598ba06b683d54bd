import { exactText, freeText, idColumn as id, timestampColumn as timestamp } from '@finstack/database';
import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/*
 * Written with the schema API only, so one migration serves MySQL/MariaDB and
 * SQLite. Besides TypeORM it imports only the append-only column helpers.
 */

export class CreateClassifierTables1763769600000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'rules',
        columns: [
          id('id', { isPrimary: true }),
          id('user_id'),
          { name: 'name', type: 'varchar', length: '100', ...freeText(queryRunner) },
          { name: 'priority', type: 'int' },
          { name: 'match_mode', type: 'varchar', length: '8' },
          // JSON of the validated conditions; values are people's text, patterns are compared exactly.
          { name: 'conditions', type: 'text', ...exactText(queryRunner) },
          id('category_id'),
          { name: 'stop_processing', type: 'boolean' },
          { name: 'enabled', type: 'boolean' },
          timestamp('created_at'),
          timestamp('updated_at'),
        ],
        // A user's rules are always read in evaluation order.
        indices: [{ name: 'IDX_rules_user_order', columnNames: ['user_id', 'priority', 'created_at'] }],
      }),
      true,
    );

    await queryRunner.createTable(
      new Table({
        name: 'learned_examples',
        // What a user taught by hand, normalised: merchant memory and the text model are both built from it.
        columns: [
          id('user_id', { isPrimary: true }),
          // SHA-256 of the normalised description and merchant: a short key for a long text.
          { name: 'example_key', type: 'char', length: '64', isPrimary: true },
          id('category_id', { isPrimary: true }),
          { name: 'description', type: 'varchar', length: '500', ...exactText(queryRunner) },
          { name: 'merchant', type: 'varchar', length: '200', isNullable: true, ...exactText(queryRunner) },
          { name: 'times', type: 'int' },
          timestamp('updated_at'),
        ],
      }),
      true,
    );

    await queryRunner.createTable(
      new Table({
        name: 'learning_versions',
        // Bumped by every change to a user's examples: tells a replica that its copy in memory is stale.
        columns: [id('user_id', { isPrimary: true }), { name: 'version', type: 'int' }, timestamp('updated_at')],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('learning_versions', true);
    await queryRunner.dropTable('learned_examples', true);
    await queryRunner.dropTable('rules', true);
  }
}
