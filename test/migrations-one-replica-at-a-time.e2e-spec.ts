import { dataSourceOptions, initializeWithExclusiveMigrations } from '@finstack/database';
import { backendFromEnv, freshMysqlDatabase, queryMysql, tempDataDir } from '@finstack/testing';
import { DataSource } from 'typeorm';
import { LEDGER_ENTITIES } from '../apps/trx-crud/src/ledger-storage';
import { LEDGER_MIGRATIONS } from '../apps/trx-crud/src/migrations';

const backend = backendFromEnv();
/** As many replicas as an ECS deployment starts at once. */
const REPLICAS = 4;

/**
 * Replicas of the ledger that start together on an empty schema all come up,
 * and each migration ran exactly once (without the lock, several replicas
 * run the first CREATE TABLE and all but one crash).
 */
(backend === 'mysql' ? describe : describe.skip)('migrations when several replicas start at once', () => {
  const dataDir = tempDataDir();
  const opened: DataSource[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((dataSource) => dataSource.destroy()));
    dataDir.remove();
  });

  it('run once, while every replica starts', async () => {
    const databaseUrl = await freshMysqlDatabase('finstack_e2e_migration_lock');
    const options = dataSourceOptions({
      databaseUrl,
      dataDir: dataDir.path,
      schema: 'ledger',
      entities: LEDGER_ENTITIES,
      migrations: LEDGER_MIGRATIONS,
      migrationsRun: true,
    });

    const replicas = await Promise.allSettled(Array.from({ length: REPLICAS }, () => initializeWithExclusiveMigrations(options)));
    for (const replica of replicas) if (replica.status === 'fulfilled') opened.push(replica.value);

    expect(replicas.map((replica) => (replica.status === 'rejected' ? String(replica.reason) : 'started'))).toEqual(Array(REPLICAS).fill('started'));
    const ran = await queryMysql<{ name: string }>(databaseUrl, 'SELECT name FROM ledger_migrations ORDER BY id');
    expect(ran.map((migration) => migration.name)).toEqual(LEDGER_MIGRATIONS.map((migration) => migration.name));
    // The schema the migrations built is whole: the ledger's table answers on every replica.
    for (const dataSource of opened) await expect(dataSource.query('SELECT COUNT(*) AS n FROM transactions')).resolves.toEqual([{ n: '0' }]);
  });
});
