import { DataSource } from 'typeorm';
import { isMysqlSource } from './raw-sql';

/**
 * Runs `work` only if this process gets the named lock at once, so that one
 * replica of a cluster does a periodic chore and the others skip it. MySQL:
 * GET_LOCK on a connection of its own (named locks are server-wide, so the
 * schema is in the name), released when the work ends or the connection
 * drops. SQLite: one process owns the file, so it always runs. Whether it ran.
 */
export async function runUnderNamedLock(dataSource: DataSource, name: string, work: () => Promise<void>): Promise<boolean> {
  if (!isMysqlSource(dataSource)) {
    await work();
    return true;
  }
  const holder = dataSource.createQueryRunner();
  try {
    await holder.connect();
    const [{ db }] = (await holder.query('SELECT DATABASE() AS db')) as Array<{ db: string }>;
    const lock = `${db}.${name}`.slice(0, 64);
    const [{ got }] = (await holder.query('SELECT GET_LOCK(?, 0) AS got', [lock])) as Array<{ got: number | string | null }>;
    if (Number(got) !== 1) return false;
    try {
      await work();
    } finally {
      await holder.query('SELECT RELEASE_LOCK(?)', [lock]).catch(() => undefined);
    }
    return true;
  } finally {
    await holder.release().catch(() => undefined);
  }
}
