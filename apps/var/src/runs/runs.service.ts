import { DomainError, ErrorCode, RunKind, RunPage, RunsQuery, RunView } from '@finstack/contracts';
import { TransactionRunner } from '@finstack/database';
import { appendEvents, OutboxRelay } from '@finstack/outbox';
import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { varCompleted, varProgress, VAR_OUTBOX } from './run-events';
import {
  countActiveUserRuns,
  finishRunRow,
  insertRun,
  markRunStarted,
  RunRow,
  selectAbandonedRuns,
  selectUserRun,
  selectUserRuns,
  touchRuns,
  updateRunProgress,
} from './run-rows';
import { toRunView } from './run.view';

const DEFAULT_PAGE = 20;

export interface NewRun {
  userId: string;
  kind: RunKind;
  ticker: string | null;
  params: Record<string, unknown>;
}

export interface RunFailure {
  code: ErrorCode;
  message: string;
}

/**
 * The audit of analysis runs: who asked what, how it went, the result and the
 * duration. Job outcomes and progress go to the outbox in the same database
 * transaction as the row, so var.progress/var.completed tell only of what is stored.
 */
@Injectable()
export class RunsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: TransactionRunner,
    // Absent where no relay runs (unit specs of the runs module).
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  async create(run: NewRun, status: 'queued' | 'running', now = new Date()): Promise<RunRow> {
    const row: RunRow = {
      id: uuidv7(),
      ...run,
      status,
      result: null,
      errorCode: null,
      errorMessage: null,
      progressPermille: 0,
      durationMs: null,
      createdAt: now,
      startedAt: status === 'running' ? now : null,
      finishedAt: null,
    };
    await this.runner.run((manager) => insertRun(manager, row));
    return row;
  }

  async started(run: RunRow, now = new Date()): Promise<void> {
    await this.runner.run((manager) => markRunStarted(manager, run.id, now));
    run.status = 'running';
    run.startedAt = now;
  }

  /** Stores the progress of a job and tells its owner. */
  async progressed(run: RunRow, fraction: number, now = new Date()): Promise<void> {
    const permille = Math.round(fraction * 1000);
    await this.runner.run(async (manager) => {
      await updateRunProgress(manager, run.id, permille, now);
      await appendEvents(manager, VAR_OUTBOX, [varProgress(run, permille / 1000, now)]);
    });
    this.relay?.wake(); // committed: the event may leave now rather than at the relay's next poll
    run.progressPermille = permille;
  }

  /** Stores the result; a job (notify) also tells its owner. */
  async succeeded(run: RunRow, result: unknown, durationMs: number, notify: boolean, now = new Date()): Promise<RunView> {
    const text = JSON.stringify(result);
    await this.runner.run(async (manager) => {
      await finishRunRow(manager, run.id, { status: 'succeeded', result: text, errorCode: null, errorMessage: null, durationMs, finishedAt: now });
      if (notify) await appendEvents(manager, VAR_OUTBOX, [varCompleted(run, { status: 'succeeded', durationMs, error: null }, now)]);
    });
    if (notify) this.relay?.wake();
    return toRunView({ ...run, status: 'succeeded', result: text, progressPermille: 1000, durationMs: Math.round(durationMs), finishedAt: now });
  }

  async failed(run: RunRow, failure: RunFailure, durationMs: number, notify: boolean, now = new Date()): Promise<void> {
    await this.runner.run(async (manager) => {
      await finishRunRow(manager, run.id, {
        status: 'failed',
        result: null,
        errorCode: failure.code,
        errorMessage: failure.message.slice(0, 2000),
        durationMs,
        finishedAt: now,
      });
      if (notify) await appendEvents(manager, VAR_OUTBOX, [varCompleted(run, { status: 'failed', durationMs, error: failure }, now)]);
    });
    if (notify) this.relay?.wake();
  }

  async heartbeat(ids: readonly string[], now = new Date()): Promise<void> {
    await touchRuns(this.dataSource.manager, ids, now);
  }

  /** The user's runs queued or running on a live replica (one whose heartbeat is since `since`). */
  activeOf(userId: string, since: Date): Promise<number> {
    return countActiveUserRuns(this.dataSource.manager, userId, since);
  }

  /** Unfinished runs whose replica stopped: no one will finish them. */
  abandoned(before: Date): Promise<RunRow[]> {
    return selectAbandonedRuns(this.dataSource.manager, before);
  }

  /** The stored run, without its result; null when there is none. */
  find(userId: string, id: string): Promise<RunRow | null> {
    return selectUserRun(this.dataSource.manager, userId, id, false);
  }

  async get(userId: string, id: string): Promise<RunView> {
    const row = await selectUserRun(this.dataSource.manager, userId, id, true);
    if (!row) throw new DomainError(ErrorCode.RUN_NOT_FOUND, `no analysis ${id}`);
    return toRunView(row);
  }

  async list(userId: string, query: RunsQuery): Promise<RunPage> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const rows = await selectUserRuns(this.dataSource.manager, userId, limit + 1, query.cursor);
    const page = rows.slice(0, limit);
    return { items: page.map(toRunView), nextCursor: rows.length > limit ? page[page.length - 1].id : null };
  }
}
