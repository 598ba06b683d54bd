import { DataSource, DataSourceOptions } from 'typeorm';

/** How long a starting replica waits for another one's migrations before it gives up. */
export const MIGRATION_LOCK_WAIT_SECONDS = 300;

/**
 * Opens a data source and runs its pending migrations, one process at a time.
 * Replicas of an app that start together (an ECS deployment starts several)
 * would otherwise each see a migration as pending and run it twice: the second
 * CREATE fails and that replica crashes, or a data-converting step runs over
 * data already converted. On MySQL a named lock (GET_LOCK, held by its own
 * connection) serialises them; the replica that waited then finds nothing
 * pending. An embedded SQLite file has one process, so it needs no lock.
 */
export async function initializeWithExclusiveMigrations(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = await new DataSource({ ...options, migrationsRun: false } as DataSourceOptions).initialize();
  if (!options.migrationsRun) return dataSource;
  try {
    await withMigrationLock(dataSource, () => dataSource.runMigrations({ transaction: options.migrationsTransactionMode }));
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

async function withMigrationLock(dataSource: DataSource, run: () => Promise<unknown>): Promise<void> {
  if (dataSource.options.type !== 'mysql') {
    await run();
    return;
  }
  const lockHolder = dataSource.createQueryRunner();
  const lock = migrationLockName(dataSource);
  try {
    const [{ acquired }] = (await lockHolder.query('SELECT GET_LOCK(?, ?) AS acquired', [lock, MIGRATION_LOCK_WAIT_SECONDS])) as Array<{ acquired: number | string | null }>;
    if (Number(acquired) !== 1) {
      throw new Error(`another process has held the migration lock ${lock} for ${MIGRATION_LOCK_WAIT_SECONDS} s; not starting`);
    }
    try {
      await run();
    } finally {
      await lockHolder.query('SELECT RELEASE_LOCK(?)', [lock]);
    }
  } finally {
    await lockHolder.release();
  }
}

/** Lock names are server-wide (and at most 64 characters): one per schema and migrations table. */
function migrationLockName(dataSource: DataSource): string {
  const table = dataSource.options.migrationsTableName ?? 'migrations';
  return `migrate:${dataSource.driver.database ?? ''}:${table}`.slice(0, 64);
}
