import { DomainError, DomainEvent, ErrorCode, EVENT_TYPES } from '@finstack/contracts';
import { TransactionRunner } from '@finstack/database';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { appendEvents, domainEvent, pendingEvents } from './outbox-events';
import { OutboxRelay, OutboxRelayOptions } from './outbox-relay';
import { outboxTable, outboxTraceparentColumn } from './outbox-table';

/*
 * Against real tables: a fresh SQLite file, and the MariaDB/MySQL schema
 * named by OUTBOX_TEST_DATABASE_URL when set (as `npm test` in CI does for the other apps).
 */
const backends: Array<[string, (dir: string) => DataSource]> = [
  ['sqlite', (dir) => new DataSource({ type: 'better-sqlite3', database: join(dir, 'db.sqlite') })],
];
if (process.env.OUTBOX_TEST_DATABASE_URL) {
  backends.push(['mysql', () => new DataSource({ type: 'mysql', url: process.env.OUTBOX_TEST_DATABASE_URL, timezone: 'Z' })]);
}

let tables = 0;

describe.each(backends)('OutboxRelay on %s', (_backend, makeSource) => {
  let dir: string;
  let dataSource: DataSource;
  let runner: TransactionRunner;
  let table: string;
  const relays: OutboxRelay[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'outbox-relay-'));
    dataSource = await makeSource(dir).initialize();
    runner = new TransactionRunner(dataSource);
  });
  afterAll(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    tables += 1;
    table = `relay_outbox_${process.pid}_${tables}`;
    const queryRunner = dataSource.createQueryRunner();
    await queryRunner.createTable(outboxTable(queryRunner, table), true);
    await queryRunner.addColumn(table, outboxTraceparentColumn());
    await queryRunner.release();
  });
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
    await dataSource.query(`DROP TABLE ${table}`);
  });

  const priceEvents = (count: number): DomainEvent[] =>
    Array.from({ length: count }, (_, n) => domainEvent(EVENT_TYPES.priceChanged, { ticker: 'AAPL', price: `${n}.00` }));
  const relayWith = (send: OutboxRelayOptions['send'], options: Partial<OutboxRelayOptions> = {}): OutboxRelay => {
    const relay = new OutboxRelay({
      table,
      run: (work) => runner.run(work),
      autocommit: (work) => runner.autocommit(work),
      send,
      pollIntervalMs: 20,
      initialBackoffMs: 20,
      maxBackoffMs: 200,
      ...options,
    });
    relays.push(relay);
    return relay;
  };
  const attempts = async (): Promise<number[]> =>
    (await dataSource.query<{ attempts: number | string }[]>(`SELECT attempts FROM ${table} ORDER BY id`)).map((row) => Number(row.attempts));
  const until = async (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  it('reads the table once for a batch shorter than batchSize (a later commit wakes it again)', async () => {
    await appendEvents(dataSource.manager, table, priceEvents(3));
    let units = 0;
    const relay = relayWith(async (batch) => batch.map((event) => event.id), {
      autocommit: (work) => {
        units += 1;
        return runner.autocommit(work);
      },
    });
    expect(await relay.drain()).toBe(3);
    expect(units).toBe(2); // the read and the marking; no second read to find nothing
    expect(await pendingEvents(dataSource.manager, table, 10)).toEqual([]);
  });

  it('sends every pending event once, oldest first, in batches, and marks them published', async () => {
    const events = priceEvents(450);
    await appendEvents(dataSource.manager, table, events);
    const batches: string[][] = [];
    const relay = relayWith(async (batch) => {
      batches.push(batch.map((event) => event.id));
      return batch.map((event) => event.id);
    });

    expect(await relay.drain()).toBe(450);
    expect(batches.map((batch) => batch.length)).toEqual([200, 200, 50]);
    expect(batches.flat()).toEqual(events.map((event) => event.id));
    expect(await pendingEvents(dataSource.manager, table, 10)).toEqual([]);
    expect(await relay.drain()).toBe(0);
    expect(batches).toHaveLength(3);
  });

  it('marks only what the receiver acknowledged, and sends the rest again', async () => {
    const events = priceEvents(5);
    await appendEvents(dataSource.manager, table, events);
    const relay = relayWith(async (batch) => batch.slice(0, 2).map((event) => event.id));

    expect(await relay.drain()).toBe(2);
    expect((await pendingEvents(dataSource.manager, table, 10)).map((event) => event.id)).toEqual(events.slice(2).map((event) => event.id));
    // Not pushed yet is not refused: nothing counts toward the dead letter.
    expect(await attempts()).toEqual([0, 0, 0, 0, 0]);
  });

  const refused = (id: string) => new DomainError(ErrorCode.VALIDATION_FAILED, `event ${id} (price.changed): payload.ticker must be a stock symbol`);

  it('sends the events of a refused batch one by one: the refused one is dead-lettered after N refusals, with a log line, and the later ones flow', async () => {
    const events = priceEvents(4);
    const poison = events[1]!.id;
    await appendEvents(dataSource.manager, table, events);
    const received: string[] = [];
    const warnings: string[] = [];
    // As notifications does: one bad event refuses the whole batch it is in.
    const relay = relayWith(
      async (batch) => {
        if (batch.some((event) => event.id === poison)) throw refused(poison);
        received.push(...batch.map((event) => event.id));
        return batch.map((event) => event.id);
      },
      { deadLetterAfter: 3, logger: { log: () => undefined, warn: (message) => warnings.push(message) } },
    );
    relay.start();
    await until('the events after the poison one', () => received.length === 3);

    expect(received).toEqual([events[0]!.id, events[2]!.id, events[3]!.id]);
    expect(await attempts()).toEqual([0, 3, 0, 0]);
    expect(await pendingEvents(dataSource.manager, table, 10, 3)).toEqual([]);
    expect(await relay.backlog()).toMatchObject({ pending: 0, deadLettered: 1 });
    expect(warnings.filter((line) => line.includes('dead-lettered'))).toEqual([
      expect.stringContaining(`event ${poison} (price.changed) dead-lettered after 3 refusals`),
    ]);

    // Later events are not held back by the dead one.
    const later = priceEvents(2);
    await appendEvents(dataSource.manager, table, later);
    relay.wake();
    await until('the later events', () => received.length === 5);
    expect(await attempts()).toEqual([0, 3, 0, 0, 0, 0]);
  });

  it('keeps the order while a refused event has refusals left, and an outage counts toward no dead letter', async () => {
    const events = priceEvents(3);
    await appendEvents(dataSource.manager, table, events);
    let refusing = true;
    let down = false;
    const received: string[] = [];
    const relay = relayWith(
      async (batch) => {
        if (down) throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'notifications is unavailable');
        if (refusing && batch.some((event) => event.id === events[0]!.id)) throw refused(events[0]!.id);
        received.push(...batch.map((event) => event.id));
        return batch.map((event) => event.id);
      },
      { deadLetterAfter: 100 },
    );
    relay.start();
    await until('a few refusals', async () => (await attempts())[0]! >= 2);
    expect(received).toEqual([]);
    down = true;
    const refusals = (await attempts())[0]!;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await attempts())[0]).toBeLessThanOrEqual(refusals + 1);
    down = false;
    refusing = false;
    await until('every event, in order', () => received.length === 3);
    expect(received).toEqual(events.map((event) => event.id));
  });

  it('keeps events while the receiver is down, backing off, and delivers each once when it is back', async () => {
    const events = priceEvents(3);
    await appendEvents(dataSource.manager, table, events);
    let up = false;
    const tries: number[] = [];
    const received: string[] = [];
    const relay = relayWith(async (batch) => {
      tries.push(Date.now());
      if (!up) throw new Error('notifications is unavailable');
      received.push(...batch.map((event) => event.id));
      return batch.map((event) => event.id);
    });
    relay.start();
    await until('six failed sends', () => tries.length >= 6);
    const gaps = tries.slice(1, 6).map((at, index) => at - tries[index]);
    // 20, 40, 80, 160, then the 200 ms cap: each wait at least the last.
    expect(gaps[3]).toBeGreaterThanOrEqual(150);
    expect(gaps[4]).toBeGreaterThanOrEqual(150);
    expect(gaps[4]).toBeLessThan(400);
    // An outage is not the receiver refusing the events: none of them moves toward the dead letter.
    expect(await attempts()).toEqual([0, 0, 0]);

    up = true;
    await until('delivery after the receiver is back', () => received.length === 3);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toEqual(events.map((event) => event.id));
    expect(await pendingEvents(dataSource.manager, table, 10)).toEqual([]);
  });

  it('never sends an event before the transaction that wrote it commits', async () => {
    const received: string[] = [];
    const relay = relayWith(async (batch) => {
      received.push(...batch.map((event) => event.id));
      return batch.map((event) => event.id);
    });
    relay.start();
    const events = priceEvents(2);
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    const writing = runner.run(async (manager) => {
      await appendEvents(manager, table, events);
      await committed;
    });
    await new Promise((resolve) => setTimeout(resolve, 150)); // several polls while the transaction is open
    expect(received).toEqual([]);
    commit();
    await writing;
    relay.wake();
    await until('the committed events', () => received.length === 2);
  });

  it('sends at once when woken after a commit, without waiting for the poll', async () => {
    const received: number[] = [];
    const relay = relayWith(
      async (batch) => {
        received.push(Date.now());
        return batch.map((event) => event.id);
      },
      { pollIntervalMs: 10_000 },
    );
    relay.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const committedAt = Date.now();
    await runner.run((manager) => appendEvents(manager, table, priceEvents(1)));
    relay.wake();
    await until('the woken send', () => received.length === 1, 1000);
    expect(received[0] - committedAt).toBeLessThan(500);
  });

  it('stops cleanly, finishing the send under way', async () => {
    await appendEvents(dataSource.manager, table, priceEvents(1));
    let finish!: (ids: string[]) => void;
    const relay = relayWith((batch) => new Promise((resolve) => (finish = () => resolve(batch.map((event) => event.id)))));
    relay.start();
    await until('a send under way', () => finish !== undefined);
    const stopping = relay.stop();
    finish([]);
    await stopping;
    expect(await pendingEvents(dataSource.manager, table, 10)).toEqual([]);
  });
});
