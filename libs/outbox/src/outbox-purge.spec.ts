import { EVENT_TYPES } from '@finstack/contracts';
import { SqlExecutor, sqlTimestamp, TransactionRunner } from '@finstack/database';
import { freshMysqlDatabase } from '@finstack/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { appendEvents, domainEvent, markPublished } from './outbox-events';
import { PUBLISHED_EVENTS_KEPT_MS, purgePublishedEvents } from './outbox-purge';
import { outboxTable, outboxTraceparentColumn } from './outbox-table';

const dir = mkdtempSync(join(tmpdir(), 'outbox-purge-'));
const backends: Array<[string, () => Promise<DataSource>]> = [
  ['sqlite', () => new DataSource({ type: 'better-sqlite3', database: join(dir, 'db.sqlite') }).initialize()],
  ['mysql', async () => new DataSource({ type: 'mysql', url: await freshMysqlDatabase('outbox_purge_spec'), timezone: 'Z' }).initialize()],
];
const TABLE = 'purge_outbox';

describe.each(backends)('purgePublishedEvents on %s', (_name, open) => {
  let source: DataSource;
  let runner: TransactionRunner;

  beforeAll(async () => {
    source = await open();
    runner = new TransactionRunner(source);
    const queryRunner = source.createQueryRunner();
    await queryRunner.createTable(outboxTable(queryRunner, TABLE), true);
    if (!(await queryRunner.hasColumn(TABLE, 'traceparent'))) await queryRunner.addColumn(TABLE, outboxTraceparentColumn());
    await queryRunner.release();
  });
  afterAll(async () => {
    await source.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('deletes events published over 7 days ago, in bounded batches, and never an unpublished or dead-lettered one', async () => {
    const now = Date.now();
    const daysAgo = (days: number) => new Date(now - days * 86_400_000);
    const event = () => domainEvent(EVENT_TYPES.priceChanged, { ticker: 'AAPL', price: '1.00' });
    const old = Array.from({ length: 5 }, event);
    const recent = event();
    const pending = event();
    const dead = event();
    await appendEvents(source.manager, TABLE, [...old, recent, pending, dead]);
    await markPublished(source.manager, TABLE, old.map((e) => e.id), daysAgo(8));
    await markPublished(source.manager, TABLE, [recent.id], daysAgo(6));
    await source.query(`UPDATE ${TABLE} SET attempts = 5 WHERE id = ?`, [dead.id]);
    // Unpublished events are as old as any, so age alone must not decide.
    await source.query(`UPDATE ${TABLE} SET occurred_at = ?`, [sqlTimestamp(daysAgo(30))]);

    let transactions = 0;
    const run = <T>(work: (executor: SqlExecutor) => Promise<T>) => {
      transactions += 1;
      return runner.run(work);
    };
    expect(await purgePublishedEvents(run, TABLE, new Date(now - PUBLISHED_EVENTS_KEPT_MS), 2)).toBe(5);
    expect(transactions).toBe(3); // 2 + 2 + 1
    const left = (await source.query<{ id: string }[]>(`SELECT id FROM ${TABLE} ORDER BY id`)).map((row) => row.id);
    expect(left).toEqual([recent.id, pending.id, dead.id]);
  });
});
