import { readFileSync } from 'node:fs';
import { createConnection } from 'mysql2/promise';

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in seconds, from /proc. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command name (in parentheses, may hold spaces); utime and stime are the 14th and 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/**
 * The pid of the MySQL/MariaDB server behind `databaseUrl`, from its pid file,
 * when that server runs on this machine; undefined otherwise. (Asking the
 * server, not looking for a process by name: a container may run another.)
 */
export async function databaseServerPid(databaseUrl: string): Promise<number | undefined> {
  const connection = await createConnection(databaseUrl);
  try {
    const [[row]] = (await connection.query('SELECT @@pid_file AS pidFile')) as unknown as [{ pidFile: string }[]];
    const pid = Number(readFileSync(row.pidFile, 'utf8').trim());
    const name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    return name === 'mariadbd' || name === 'mysqld' ? pid : undefined; // a stale pid file names someone else
  } catch {
    return undefined;
  } finally {
    await connection.end();
  }
}
