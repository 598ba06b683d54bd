import { exactText, idColumn, timestampColumn } from '@finstack/database';
import { QueryRunner, Table, TableColumn } from 'typeorm';

/*
 * The outbox table of one producer's schema, for its migrations. Like
 * migration-columns.ts this file is history: a migration that built its table
 * with a helper here must keep building exactly that table, so never change a
 * helper once a migration uses it; add a new one (outboxTableV2) instead.
 */

/** The name of the index a relay reads pending events by. */
export const outboxPendingIndex = (table: string): string => `IDX_${table}_pending`;

/**
 * One row per event, written in the same database transaction as the change
 * it tells of. A relay reads `published_at IS NULL` in id order (UUIDv7, so
 * about the order the events happened) through the index on (published_at,
 * id), sends each, then sets published_at; `attempts` counts failed sends.
 * The same index finds published rows by age, for pruning.
 * Name the table after the schema (ledger_outbox, portfolio_outbox): apps may share one MySQL database.
 */
export function outboxTable(queryRunner: QueryRunner, name: string): Table {
  return new Table({
    name,
    columns: [
      // The event's id, which consumers dedupe by.
      idColumn('id', { isPrimary: true }),
      { name: 'type', type: 'varchar', length: '64', ...exactText(queryRunner) },
      // The one user the event is for, when it is for one user only.
      idColumn('user_id', { isNullable: true }),
      // The payload as JSON text; events are small (a few hundred bytes).
      { name: 'payload', type: 'text', ...exactText(queryRunner) },
      timestampColumn('occurred_at'),
      { ...timestampColumn('published_at'), isNullable: true },
      { name: 'attempts', type: 'int', default: 0 },
    ],
    indices: [{ name: outboxPendingIndex(name), columnNames: ['published_at', 'id'] }],
  });
}

/**
 * The W3C traceparent of the span that wrote the event (55 characters; null
 * when tracing was off), added to outbox tables made before it: the relay's
 * and the push's spans link to it.
 */
export function outboxTraceparentColumn(): TableColumn {
  return new TableColumn({ name: 'traceparent', type: 'varchar', length: '64', isNullable: true });
}
