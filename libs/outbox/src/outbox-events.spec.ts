import { EVENT_TYPES } from '@finstack/contracts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { appendEvents, domainEvent, pendingEvents } from './outbox-events';
import { outboxPendingIndex, outboxTable, outboxTraceparentColumn } from './outbox-table';

describe('outbox', () => {
  let dir: string;
  let dataSource: DataSource;
  const TABLE = 'test_outbox';

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    dataSource = await new DataSource({ type: 'better-sqlite3', database: join(dir, 'db.sqlite') }).initialize();
    const queryRunner = dataSource.createQueryRunner();
    await queryRunner.createTable(outboxTable(queryRunner, TABLE));
    await queryRunner.addColumn(TABLE, outboxTraceparentColumn());
    await queryRunner.release();
  });
  afterEach(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const priceEvent = (n: number) =>
    domainEvent(EVENT_TYPES.priceChanged, { ticker: 'AAPL', price: `${n}.00` }, { occurredAt: new Date(Date.UTC(2025, 2, 14, 20, 0, 0, n)) });

  it('gives back what was appended, oldest first, with the owner when there is one', async () => {
    const forAll = priceEvent(1);
    const forOne = domainEvent(EVENT_TYPES.alertTriggered, { alertId: 'a' }, { userId: '0193a0c4-0000-7000-8000-000000000001' });
    await dataSource.transaction((manager) => appendEvents(manager, TABLE, [forAll, forOne]));

    expect(await pendingEvents(dataSource.manager, TABLE, 10)).toEqual([forAll, forOne]);
    expect(forAll).not.toHaveProperty('userId');
    expect(forAll.occurredAt).toBe('2025-03-14T20:00:00.001Z');
  });

  it('writes nothing when the transaction it belongs to rolls back', async () => {
    const failing = dataSource.transaction(async (manager) => {
      await appendEvents(manager, TABLE, [priceEvent(1), priceEvent(2)]);
      throw new Error('the change failed');
    });
    await expect(failing).rejects.toThrow('the change failed');
    expect(await pendingEvents(dataSource.manager, TABLE, 10)).toEqual([]);
  });

  it('writes large batches in several statements, keeping every event once and in order', async () => {
    const events = Array.from({ length: 1234 }, (_, n) => priceEvent(n));
    await appendEvents(dataSource.manager, TABLE, events);
    const pending = await pendingEvents(dataSource.manager, TABLE, 2000);
    expect(pending.map((event) => event.id)).toEqual(events.map((event) => event.id));
  });

  it('leaves published events out, reading the pending ones through the index', async () => {
    const [sent, next] = [priceEvent(1), priceEvent(2)];
    await appendEvents(dataSource.manager, TABLE, [sent, next]);
    await dataSource.query(`UPDATE ${TABLE} SET published_at = ? WHERE id = ?`, ['2025-03-14 20:00:01.000', sent.id]);

    expect(await pendingEvents(dataSource.manager, TABLE, 10)).toEqual([next]);
    const plan: { detail: string }[] = await dataSource.query(
      `EXPLAIN QUERY PLAN SELECT id FROM ${TABLE} WHERE published_at IS NULL ORDER BY id LIMIT 10`,
    );
    expect(plan.map((step) => step.detail).join('\n')).toContain(outboxPendingIndex(TABLE));
  });

  it('refuses a table name that is not a plain identifier', async () => {
    await expect(appendEvents(dataSource.manager, 'outbox; DROP TABLE x', [priceEvent(1)])).rejects.toThrow(/not an outbox table/);
  });
});
