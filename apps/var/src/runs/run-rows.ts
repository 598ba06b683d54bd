import { RunKind, RunStatus } from '@finstack/contracts';
import { placeholders, readSqlTimestamp, SqlExecutor, sqlTimestamp } from '@finstack/database';

/*
 * var_runs with raw SQL (`?` placeholders, portable between MySQL and
 * SQLite). The result is stored as JSON text and read only for a single run.
 */

export interface RunRow {
  id: string;
  userId: string;
  kind: RunKind;
  status: RunStatus;
  ticker: string | null;
  params: Record<string, unknown>;
  /** JSON text, only when selected with the result. */
  result: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  progressPermille: number;
  durationMs: number | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const COLUMNS =
  'id, user_id, kind, status, ticker, params, error_code, error_message, progress_permille, duration_ms, created_at, started_at, finished_at';

interface SqlRunRow {
  id: string;
  user_id: string;
  kind: RunKind;
  status: RunStatus;
  ticker: string | null;
  params: string;
  result?: string | null;
  error_code: string | null;
  error_message: string | null;
  progress_permille: number | string;
  duration_ms: number | string | null;
  created_at: Date | string;
  started_at: Date | string | null;
  finished_at: Date | string | null;
}

const instant = (value: Date | string | null): Date | null => (value === null ? null : readSqlTimestamp(value));

function toRunRow(row: SqlRunRow): RunRow {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind,
    status: row.status,
    ticker: row.ticker,
    params: JSON.parse(row.params) as Record<string, unknown>,
    result: row.result ?? null,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    progressPermille: Number(row.progress_permille),
    durationMs: row.duration_ms === null ? null : Number(row.duration_ms),
    createdAt: readSqlTimestamp(row.created_at),
    startedAt: instant(row.started_at),
    finishedAt: instant(row.finished_at),
  };
}

export async function insertRun(executor: SqlExecutor, run: RunRow): Promise<void> {
  await executor.query(
    `INSERT INTO var_runs (${COLUMNS}, heartbeat_at) VALUES (${placeholders(14)})`,
    [
      run.id,
      run.userId,
      run.kind,
      run.status,
      run.ticker,
      JSON.stringify(run.params),
      run.errorCode,
      run.errorMessage,
      run.progressPermille,
      run.durationMs,
      sqlTimestamp(run.createdAt),
      run.startedAt && sqlTimestamp(run.startedAt),
      run.finishedAt && sqlTimestamp(run.finishedAt),
      sqlTimestamp(run.createdAt),
    ],
  );
}

/** One of the user's runs, with its result when asked; null when it is not theirs or does not exist. */
export async function selectUserRun(executor: SqlExecutor, userId: string, id: string, withResult: boolean): Promise<RunRow | null> {
  const rows = await executor.query<SqlRunRow[]>(
    `SELECT ${COLUMNS}${withResult ? ', result' : ''} FROM var_runs WHERE id = ? AND user_id = ?`,
    [id, userId],
  );
  return rows.length ? toRunRow(rows[0]) : null;
}

/** Newest first, `limit` after the cursor (an id of the previous page). */
export async function selectUserRuns(executor: SqlExecutor, userId: string, limit: number, before?: string): Promise<RunRow[]> {
  const rows = await executor.query<SqlRunRow[]>(
    `SELECT ${COLUMNS} FROM var_runs WHERE user_id = ?${before ? ' AND id < ?' : ''} ORDER BY id DESC LIMIT ?`,
    before ? [userId, before, limit] : [userId, limit],
  );
  return rows.map(toRunRow);
}

export async function markRunStarted(executor: SqlExecutor, id: string, now: Date): Promise<void> {
  await executor.query(`UPDATE var_runs SET status = 'running', started_at = ?, heartbeat_at = ? WHERE id = ?`, [
    sqlTimestamp(now),
    sqlTimestamp(now),
    id,
  ]);
}

export async function updateRunProgress(executor: SqlExecutor, id: string, permille: number, now: Date): Promise<void> {
  await executor.query(`UPDATE var_runs SET progress_permille = ?, heartbeat_at = ? WHERE id = ?`, [permille, sqlTimestamp(now), id]);
}

export interface RunOutcome {
  status: 'succeeded' | 'failed';
  result: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  durationMs: number;
  finishedAt: Date;
}

export async function finishRunRow(executor: SqlExecutor, id: string, outcome: RunOutcome): Promise<void> {
  await executor.query(
    `UPDATE var_runs SET status = ?, result = ?, error_code = ?, error_message = ?, duration_ms = ?, finished_at = ?,
       heartbeat_at = ?, progress_permille = CASE WHEN ? = 'succeeded' THEN 1000 ELSE progress_permille END
     WHERE id = ?`,
    [
      outcome.status,
      outcome.result,
      outcome.errorCode,
      outcome.errorMessage,
      Math.round(outcome.durationMs),
      sqlTimestamp(outcome.finishedAt),
      sqlTimestamp(outcome.finishedAt),
      outcome.status,
      id,
    ],
  );
}

/** Shows the replica still holds these jobs. */
export async function touchRuns(executor: SqlExecutor, ids: readonly string[], now: Date): Promise<void> {
  if (!ids.length) return;
  await executor.query(`UPDATE var_runs SET heartbeat_at = ? WHERE id IN (${placeholders(ids.length)})`, [sqlTimestamp(now), ...ids]);
}

/** Unfinished runs nobody has touched since `before`: their replica stopped. */
export async function selectAbandonedRuns(executor: SqlExecutor, before: Date): Promise<RunRow[]> {
  const rows = await executor.query<SqlRunRow[]>(
    `SELECT ${COLUMNS} FROM var_runs WHERE status IN ('queued', 'running') AND heartbeat_at < ?`,
    [sqlTimestamp(before)],
  );
  return rows.map(toRunRow);
}

/** A user's runs queued or running whose replica is alive (heartbeat since `since`). */
export async function countActiveUserRuns(executor: SqlExecutor, userId: string, since: Date): Promise<number> {
  const [row] = await executor.query<Array<{ n: number | string }>>(
    `SELECT COUNT(*) AS n FROM var_runs WHERE user_id = ? AND status IN ('queued', 'running') AND heartbeat_at >= ?`,
    [userId, sqlTimestamp(since)],
  );
  return Number(row.n);
}
