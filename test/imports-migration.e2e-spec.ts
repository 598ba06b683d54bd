import { dataSourceOptions } from '@finstack/database';
import { ApiClient, backendFromEnv, newSession, Session, Stack, startStack } from '@finstack/testing';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { normalisedDescription } from '../apps/trx-crud/src/imports/import-fingerprint';
import { LEDGER_MIGRATIONS } from '../apps/trx-crud/src/migrations';
import { NarrowTransactionKeys1795478400000 } from '../apps/trx-crud/src/migrations/1795478400000-narrow-transaction-keys';

const backend = backendFromEnv();

const CSV = [
  'date,description,amount,reference',
  '2025-04-01,Coffee Fellows,-3.20,',
  '2025-04-01,Coffee Fellows,-3.20,',
  '2025-04-02,REWE Markt 1234,-23.45,r-1',
  '2025-04-03,  NETFLIX.COM ,-12.99,',
].join('\n');
const OPTIONS = 'amountColumn=amount&externalIdColumn=reference&currency=EUR';

/** A fingerprinted row of the schema before NarrowTransactionKeys (its fingerprint as that migration's down() left it). */
interface EarlierRow {
  id: string;
  occurred_on: string;
  amount_minor: string;
  currency: string;
  description: string;
  fingerprint: string;
}

/** What a fingerprint is made of: the row's content (the occurrence index comes on top). */
const contentOf = (row: EarlierRow) =>
  `${row.occurred_on}|${row.amount_minor}|${row.currency}|${normalisedDescription(row.description)}`;

/**
 * The fingerprint as the ledger stored it before NarrowTransactionKeys: the
 * whole sha256, as 64 hexadecimal characters, of the row's content and its
 * occurrence index among the identical rows of its file.
 */
const earlierFingerprint = (content: string, index: number) =>
  createHash('sha256').update(`${content}|${index}`).digest('hex');

/**
 * Files imported before the ledger's keys were narrowed are still recognised
 * after the migration: a file is imported, the ledger stopped, its schema and
 * fingerprints put back as the earlier version had them, the ledger started
 * again (it migrates at start), and the same file imported again.
 */
describe(`CSV imports across the narrowing of the ledger's keys (${backend})`, () => {
  let stack: Stack;
  let api: ApiClient;
  let user: Session;

  beforeAll(async () => {
    stack = await startStack({ backend, name: 'importsmigration' });
    api = new ApiClient(stack.baseUrl);
    user = await newSession(api);
  });
  afterAll(() => stack?.stop());

  const upload = (csv: string) =>
    api.post<{ inserted: number; duplicates: number }>(`/api/v1/imports?${OPTIONS}`, undefined, {
      token: user.accessToken,
      rawBody: csv,
      headers: { 'content-type': 'text/csv' },
    });
  const listed = async () =>
    (await api.get<{ items: { id: string }[] }>('/api/v1/transactions?limit=200', { token: user.accessToken })).body.items;

  /** The ledger's own database, opened without running any migration. */
  async function openLedgerDatabase(): Promise<DataSource> {
    const options = dataSourceOptions({
      databaseUrl: stack.databases.ledger,
      dataDir: stack.dataDir,
      schema: 'ledger',
      entities: [],
      migrations: LEDGER_MIGRATIONS,
      migrationsRun: false,
    });
    return new DataSource(options).initialize();
  }

  /** Undoes NarrowTransactionKeys and writes the fingerprints as the version before it did. */
  async function putBackEarlierSchema(): Promise<void> {
    const db = await openLedgerDatabase();
    const queryRunner = db.createQueryRunner();
    try {
      await new NarrowTransactionKeys1795478400000().down(queryRunner);
      await queryRunner.query('DELETE FROM ledger_migrations WHERE name = ?', [NarrowTransactionKeys1795478400000.name]);
      // In file order: ids are time-ordered.
      const rows: EarlierRow[] = await queryRunner.query(
        'SELECT id, occurred_on, CAST(amount_minor AS CHAR) AS amount_minor, currency, description, fingerprint ' +
          'FROM transactions WHERE user_id = ? AND fingerprint IS NOT NULL ORDER BY id',
        [user.userId],
      );
      expect(rows).toHaveLength(3);
      const seen = new Map<string, number>();
      for (const row of rows) {
        const content = contentOf(row);
        const index = seen.get(content) ?? 0;
        seen.set(content, index + 1);
        const earlier = earlierFingerprint(content, index);
        // The half the migration keeps of an earlier fingerprint is the fingerprint the import computes now.
        expect(row.fingerprint).toBe(earlier.slice(0, 32));
        await queryRunner.query('UPDATE transactions SET fingerprint = ? WHERE id = ?', [earlier, row.id]);
      }
    } finally {
      await queryRunner.release();
      await db.destroy();
    }
  }

  it('inserts nothing when a file imported before the migration is imported again after it', async () => {
    const first = await upload(CSV);
    expect(first.body).toMatchObject({ inserted: 4, duplicates: 0 });

    await stack.trxCrud!.stop();
    await putBackEarlierSchema();
    await stack.trxCrud!.start(); // runs the migration

    const again = await upload(CSV);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ inserted: 0, duplicates: 4 });
    expect(await listed()).toHaveLength(4);

    const nextStatement = `${CSV}\n2025-04-03,Coffee Fellows,-3.20,`;
    expect((await upload(nextStatement)).body).toMatchObject({ inserted: 1, duplicates: 4 });
  });
});
