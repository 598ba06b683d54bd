import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Envelope } from './envelope';
import { LocalKeyRing } from './local-key-ring';
import { rewrapColumn, SealedColumn } from './sealed-column';

const column: SealedColumn = { table: 'secrets', idColumn: 'id', column: 'sealed', userIdColumn: 'user_id', purpose: 'test.secret' };

describe('rewrapColumn (key rotation) on a real SQLite table', () => {
  let dataSource: DataSource;
  beforeEach(async () => {
    dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE secrets (id VARCHAR(36) PRIMARY KEY, user_id VARCHAR(36) NOT NULL, sealed TEXT NULL)');
  });
  afterEach(() => dataSource.destroy());

  it('re-wraps every row under the new key, across pages, leaving current and empty rows alone', async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const before = new Envelope(new LocalKeyRing(oldKey));
    const after = new Envelope(new LocalKeyRing(newKey, [oldKey]));
    const ids = Array.from({ length: 450 }, (_, index) => `id-${String(index).padStart(4, '0')}`);
    for (const id of ids) {
      const envelope = id === 'id-0007' ? after : before;
      await dataSource.query('INSERT INTO secrets VALUES (?, ?, ?)', [id, `user-${id}`, await envelope.seal(`secret of ${id}`, { purpose: 'test.secret', userId: `user-${id}` })]);
    }
    await dataSource.query("INSERT INTO secrets VALUES ('id-9999', 'user-x', NULL)");

    await expect(rewrapColumn(dataSource, column, after)).resolves.toEqual({ table: 'secrets', rewrapped: 449, current: 1 });

    const onlyNew = new Envelope(new LocalKeyRing(newKey));
    const rows: { id: string; user_id: string; sealed: string }[] = await dataSource.query('SELECT * FROM secrets WHERE sealed IS NOT NULL ORDER BY id');
    expect(rows).toHaveLength(450);
    for (const row of rows) {
      await expect(onlyNew.openText(row.sealed, { purpose: 'test.secret', userId: row.user_id })).resolves.toBe(`secret of ${row.id}`);
    }
    await expect(rewrapColumn(dataSource, column, after)).resolves.toEqual({ table: 'secrets', rewrapped: 0, current: 450 });
  });

  it('refuses a column name that is not a plain identifier', async () => {
    await expect(rewrapColumn(dataSource, { ...column, table: 'secrets; DROP TABLE x' }, new Envelope(new LocalKeyRing(randomBytes(32))))).rejects.toThrow(
      'not a plain SQL identifier',
    );
  });
});
