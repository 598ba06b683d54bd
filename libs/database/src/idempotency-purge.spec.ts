import { freshMysqlDatabase } from '@finstack/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { purgeExpiredIdempotencyKeys } from './idempotency-purge';
import { SqlExecutor, sqlTimestamp } from './raw-sql';
import { TransactionRunner } from './transaction-runner';

const dir = mkdtempSync(join(tmpdir(), 'idempotency-purge-'));
const backends: Array<[string, () => Promise<DataSource>]> = [
  ['sqlite', () => new DataSource({ type: 'better-sqlite3', database: join(dir, 'db.sqlite') }).initialize()],
  ['mysql', async () => new DataSource({ type: 'mysql', url: await freshMysqlDatabase('idempotency_purge_spec'), timezone: 'Z' }).initialize()],
];

describe.each(backends)('purgeExpiredIdempotencyKeys on %s', (_name, open) => {
  let source: DataSource;
  let runner: TransactionRunner;
  const now = new Date('2026-12-07T12:00:00Z');
  const at = (hours: number) => sqlTimestamp(new Date(now.getTime() + hours * 3_600_000));

  beforeAll(async () => {
    source = await open();
    runner = new TransactionRunner(source);
    await source.query(
      'CREATE TABLE idempotency_keys (user_id CHAR(36) NOT NULL, idempotency_key VARCHAR(255) NOT NULL, request_hash CHAR(64) NOT NULL, ' +
        'response_body TEXT NOT NULL, created_at DATETIME(3) NOT NULL, expires_at DATETIME(3) NOT NULL, PRIMARY KEY (user_id, idempotency_key))'.replace(
          /DATETIME\(3\)/g,
          source.options.type === 'mysql' ? 'DATETIME(3)' : 'DATETIME',
        ),
    );
  });
  afterAll(async () => {
    await source.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const insert = (user: string, key: string, expiresInHours: number) =>
    source.query('INSERT INTO idempotency_keys VALUES (?, ?, ?, ?, ?, ?)', [user, key, 'h'.repeat(64), '{}', at(expiresInHours - 24), at(expiresInHours)]);
  const keys = async () => (await source.query<{ k: string }[]>("SELECT idempotency_key AS k FROM idempotency_keys ORDER BY k")).map((row) => row.k);

  it('deletes only expired keys, at most a batch per transaction', async () => {
    for (let n = 0; n < 5; n++) await insert('11111111-1111-4111-8111-111111111111', `old-${n}`, -1 - n);
    await insert('11111111-1111-4111-8111-111111111111', 'live', 3);
    await insert('22222222-2222-4222-8222-222222222222', 'old-other-user', -2);
    let transactions = 0;
    const run = <T>(work: (executor: SqlExecutor) => Promise<T>) => {
      transactions += 1;
      return runner.run(work);
    };
    expect(await purgeExpiredIdempotencyKeys(run, 'idempotency_keys', now, 2)).toBe(6);
    expect(transactions).toBe(4); // 2 + 2 + 2, then an empty look
    expect(await keys()).toEqual(['live']);
  });
});
