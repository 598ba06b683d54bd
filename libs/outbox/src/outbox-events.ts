import { DomainEvent, utcTimestamp } from '@finstack/contracts';
import { chunks, placeholders, readSqlTimestamp, SqlExecutor, sqlTimestamp, valueRows } from '@finstack/database';
import { activeTraceparent } from '@finstack/tracing';
import { v7 as uuidv7 } from 'uuid';

const COLUMNS = 'id, type, user_id, payload, occurred_at, traceparent';
/** Rows per INSERT: 2,500 values stay far below every driver's limit on placeholders and packet size. */
const ROWS_PER_INSERT = 500;
const TABLE_NAME = /^[a-z][a-z0-9_]*$/;
/** Refusals of one event by the receiver after which it is dead-lettered (kept, never sent again). */
export const DEFAULT_DEAD_LETTER_AFTER = 5;

function checkedTable(table: string): string {
  if (!TABLE_NAME.test(table)) throw new Error(`not an outbox table name: ${table}`);
  return table;
}

/** A new event: a UUIDv7 id (time-ordered, for dedupe), its type and payload, and when it happened. */
export function domainEvent<Type extends string, Payload>(
  type: Type,
  payload: Payload,
  options: { userId?: string; occurredAt?: Date } = {},
): DomainEvent<Type, Payload> {
  const event: DomainEvent<Type, Payload> = {
    id: uuidv7(),
    type,
    occurredAt: utcTimestamp(options.occurredAt ?? new Date()),
    payload,
  };
  if (options.userId !== undefined) event.userId = options.userId;
  return event;
}

/**
 * Writes events to the outbox inside the caller's database transaction, with
 * multi-row INSERTs: they become visible to the relay exactly when the change
 * they tell of commits, and vanish with it when it rolls back. Each keeps the
 * trace context of the span writing it (the request's), unless it has its own,
 * so its relay and push link back to that trace.
 */
export async function appendEvents(executor: SqlExecutor, table: string, events: readonly DomainEvent[]): Promise<void> {
  const name = checkedTable(table);
  const writer = activeTraceparent();
  for (const slice of chunks(events, ROWS_PER_INSERT)) {
    const params = slice.flatMap((event) => [
      event.id,
      event.type,
      event.userId ?? null,
      JSON.stringify(event.payload),
      sqlTimestamp(new Date(event.occurredAt)),
      event.traceparent ?? writer ?? null,
    ]);
    await executor.query(`INSERT INTO ${name} (${COLUMNS}) VALUES ${valueRows(slice.length, 6)}`, params);
  }
}

interface OutboxRow {
  id: string;
  type: string;
  user_id: string | null;
  payload: string;
  occurred_at: Date | string;
  traceparent: string | null;
}

/**
 * The oldest events not yet published and not dead-lettered (refused
 * `deadLetterAfter` times), in id order: what a relay sends next (a range of the pending index).
 */
export async function pendingEvents(executor: SqlExecutor, table: string, limit: number, deadLetterAfter = DEFAULT_DEAD_LETTER_AFTER): Promise<DomainEvent[]> {
  const rows = await executor.query<OutboxRow[]>(
    `SELECT ${COLUMNS} FROM ${checkedTable(table)} WHERE published_at IS NULL AND attempts < ? ORDER BY id LIMIT ?`,
    [deadLetterAfter, limit],
  );
  return rows.map((row) => {
    const event: DomainEvent = {
      id: row.id,
      type: row.type,
      occurredAt: utcTimestamp(readSqlTimestamp(row.occurred_at)),
      payload: JSON.parse(row.payload) as unknown,
    };
    if (row.user_id !== null) event.userId = row.user_id;
    if (row.traceparent !== null) event.traceparent = row.traceparent;
    return event;
  });
}

/** Marks events as sent, so a relay never reads them again. */
export async function markPublished(executor: SqlExecutor, table: string, ids: readonly string[], at: Date): Promise<void> {
  for (const slice of chunks(ids, ROWS_PER_INSERT)) {
    await executor.query(`UPDATE ${checkedTable(table)} SET published_at = ? WHERE id IN (${placeholders(slice.length)})`, [
      sqlTimestamp(at),
      ...slice,
    ]);
  }
}

/**
 * Counts one refusal of an event by the receiver (attempts), and answers how
 * many there have been: at deadLetterAfter the event is dead-lettered, never
 * sent again. An operator re-drives it by setting attempts back to 0.
 */
export async function countRefusal(executor: SqlExecutor, table: string, id: string): Promise<number> {
  const name = checkedTable(table);
  await executor.query(`UPDATE ${name} SET attempts = attempts + 1 WHERE id = ?`, [id]);
  const [row] = await executor.query<Array<{ attempts: number | string }>>(`SELECT attempts FROM ${name} WHERE id = ?`, [id]);
  return Number(row?.attempts ?? 0);
}

/**
 * How many events wait to be published, when the oldest of them happened (for
 * the outbox lag metric), and how many are dead-lettered.
 */
export async function outboxBacklog(
  executor: SqlExecutor,
  table: string,
  deadLetterAfter = DEFAULT_DEAD_LETTER_AFTER,
): Promise<{ pending: number; oldestOccurredAt?: Date; deadLettered: number }> {
  const name = checkedTable(table);
  const [count] = await executor.query<Array<{ pending: number | string; dead: number | string | null }>>(
    `SELECT SUM(CASE WHEN attempts < ? THEN 1 ELSE 0 END) AS pending, SUM(CASE WHEN attempts >= ? THEN 1 ELSE 0 END) AS dead ` +
      `FROM ${name} WHERE published_at IS NULL`,
    [deadLetterAfter, deadLetterAfter],
  );
  // The first pending id is the oldest event (UUIDv7), read through the pending index.
  const [oldest] = await executor.query<Array<{ occurred_at: Date | string }>>(
    `SELECT occurred_at FROM ${name} WHERE published_at IS NULL AND attempts < ? ORDER BY id LIMIT 1`,
    [deadLetterAfter],
  );
  return {
    pending: Number(count?.pending ?? 0),
    oldestOccurredAt: oldest ? readSqlTimestamp(oldest.occurred_at) : undefined,
    deadLettered: Number(count?.dead ?? 0),
  };
}
