import { DomainError, ErrorCode, ImportOptions, ImportView } from '@finstack/contracts';
import { TransactionRunner } from '@finstack/database';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { existingCategoryIds } from '../categories/existing-category-ids';
import { isMysql, sqlTimestamp } from '../common/sql';
import { RunningTotals } from '../totals/running-totals';
import { ImportBatchWriter } from './import-batch-writer';
import { CategorizeRows } from './import-batch-writer';
import { ImportCategorizer } from './import-categorizer';
import { ImportLimits } from './import-limits';
import { assertUsableOptions, withDefaults } from './import-options';
import { ImportOutcome, ImportSession } from './import-session';
import { openImportTransaction } from './import-transaction';
import { ImportEntity } from './import.entity';
import { toImportView } from './import.view';

/** An import in progress, and what keeps its calls in order. */
interface Entry {
  session: ImportSession;
  /** The last call in line; the next one starts when it settles. */
  turn: Promise<unknown>;
  /** Calls arrived and not yet answered: an import that is being talked to is not idle. */
  calls: number;
  timer?: NodeJS.Timeout;
}

/** Errors with which InnoDB gives up a transaction (a deadlock rolls all of it back). */
const COLLISIONS = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

/**
 * CSV imports: begin, append the text piece by piece, finish. Each import
 * runs in one database transaction from begin to finish (see
 * ImportTransaction), so it is applied whole or not at all. Imports in
 * progress live in this process: one that hears nothing for a minute is
 * rolled back and forgotten, and only a few run at once (429 beyond).
 * Finished imports are recorded in `imports`, rejected ones too.
 * Imported rows write no transaction.created to the outbox, on purpose: a
 * file may hold 100,000 rows, and an outbox row per row would slow the import
 * and flood the owner's sockets; the import's own answer reports the rows.
 */
@Injectable()
export class ImportsService implements OnModuleDestroy {
  private readonly logger = new Logger(ImportsService.name);
  private readonly sessions = new Map<string, Entry>();
  /** Finishes under way, so that a retried finish gets the same answer. */
  private readonly finishing = new Map<string, { userId: string; view: Promise<ImportView> }>();
  private opening = 0;
  /** Imports being opened, per user. */
  private readonly openingBy = new Map<string, number>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: TransactionRunner,
    private readonly limits: ImportLimits,
    private readonly categorizer: ImportCategorizer,
    private readonly totals: RunningTotals,
  ) {}

  async begin(userId: string, givenOptions: ImportOptions, fileName?: string): Promise<{ importId: string }> {
    const options = withDefaults(givenOptions);
    assertUsableOptions(options);
    // The user's own slots first, so that one user's uploads cannot fill the slots every user shares.
    const own = [...this.sessions.values()].filter((entry) => entry.session.userId === userId).length + (this.openingBy.get(userId) ?? 0);
    if (own >= this.limits.maxSessionsPerUser) {
      throw new DomainError(
        ErrorCode.TOO_MANY_REQUESTS,
        `you have ${own} import${own === 1 ? '' : 's'} in progress, the most allowed at once; finish ${own === 1 ? 'it' : 'them'} or wait a minute`,
      );
    }
    if (this.sessions.size + this.opening >= this.limits.maxSessions) {
      throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, 'too many imports are in progress; try again in a minute');
    }
    this.opening += 1;
    this.openingBy.set(userId, (this.openingBy.get(userId) ?? 0) + 1);
    let transaction;
    try {
      transaction = await openImportTransaction(this.dataSource, this.runner);
    } finally {
      this.opening -= 1;
      const left = this.openingBy.get(userId)! - 1;
      if (left === 0) this.openingBy.delete(userId);
      else this.openingBy.set(userId, left);
    }
    const importId = uuidv7();
    const dialect = isMysql(this.dataSource) ? 'mysql' : 'sqlite';
    const session = new ImportSession(
      importId,
      userId,
      options,
      fileName ?? null,
      transaction,
      new ImportBatchWriter(transaction, dialect, userId, importId, {
        timestamp: sqlTimestamp(new Date()),
        totals: this.totals,
        chooseCategories: this.categorizerFor(userId, options),
        // SQLite has one connection, and the import's transaction holds it.
        liveCategories: dialect === 'mysql' ? (ids) => existingCategoryIds(this.dataSource, userId, ids) : undefined,
      }),
    );
    const entry: Entry = { session, turn: Promise.resolve(), calls: 0 };
    this.sessions.set(importId, entry);
    this.watch(entry);
    return { importId };
  }

  async append(userId: string, importId: string, sequence: number, chunk: string): Promise<{ rowsRead: number }> {
    const entry = this.inProgress(userId, importId);
    return this.inTurn(entry, async () => {
      entry.session.assertNextPiece(sequence); // a piece out of order is refused and changes nothing
      try {
        return { rowsRead: await entry.session.append(chunk) };
      } catch (error) {
        await this.discard(entry); // anything else ends the import
        throw explain(error);
      }
    });
  }

  finish(userId: string, givenId: string): Promise<ImportView> {
    const importId = givenId.toLowerCase();
    const under = this.finishing.get(importId);
    if (under && under.userId === userId) return under.view;
    const entry = this.sessions.get(importId);
    if (!entry || entry.session.userId !== userId) return this.recorded(userId, importId);
    const view = this.inTurn(entry, async () => {
      this.forget(entry);
      let outcome: ImportOutcome;
      try {
        outcome = await entry.session.finish();
      } catch (error) {
        await entry.session.abandon();
        throw explain(error);
      }
      const recorded = await this.record(entry.session, outcome);
      if (recorded.status === 'rejected') throw rejection(recorded);
      return recorded;
    });
    this.finishing.set(importId, { userId, view });
    const done = () => this.finishing.delete(importId);
    view.then(done, done);
    return view;
  }

  /**
   * Rolls an unfinished import back at once (the caller hit an error or lost
   * its client), after any call of it still under way. Unknown, finished or
   * someone else's imports are left alone.
   */
  async abort(userId: string, givenId: string): Promise<{ importId: string }> {
    const importId = givenId.toLowerCase();
    const entry = this.sessions.get(importId);
    if (entry && entry.session.userId === userId) {
      await this.inTurn(entry, () => this.discard(entry));
    }
    return { importId };
  }

  /** A finished import of the user's; 404 for anyone else's, and while it is still in progress. */
  async get(userId: string, importId: string): Promise<ImportView> {
    const row = await this.dataSource.manager.findOneBy(ImportEntity, { id: importId.toLowerCase(), userId });
    if (!row) throw new DomainError(ErrorCode.IMPORT_NOT_FOUND, `import ${importId} not found`);
    return toImportView(row);
  }

  /** Rows are categorised as they are written, unless the import is a dry run or asked not to. */
  private categorizerFor(userId: string, options: ImportOptions): CategorizeRows | undefined {
    if (options.dryRun || options.autoCategorize === false) return undefined;
    return (rows) => this.categorizer.categorize(userId, rows);
  }

  /** Rolls back every import in progress before the database connections close. */
  async onModuleDestroy(): Promise<void> {
    const entries = [...this.sessions.values()];
    await Promise.all(entries.map((entry) => this.discard(entry)));
    await Promise.all([...this.finishing.values()].map(({ view }) => view.catch(() => undefined)));
  }

  /** A finish that came again after the import ended answers as the first one did. */
  private async recorded(userId: string, importId: string): Promise<ImportView> {
    const view = await this.get(userId, importId);
    if (view.status === 'rejected') throw rejection(view);
    return view;
  }

  private inProgress(userId: string, importId: string): Entry {
    const entry = this.sessions.get(importId.toLowerCase());
    if (!entry || entry.session.userId !== userId) {
      throw new DomainError(ErrorCode.IMPORT_NOT_FOUND, `import ${importId} is not in progress`);
    }
    return entry;
  }

  /** Runs the calls of one import one at a time, in the order they arrived. */
  private inTurn<T>(entry: Entry, work: () => Promise<T>): Promise<T> {
    entry.calls += 1;
    const result = entry.turn.then(work).finally(() => {
      entry.calls -= 1;
      if (this.sessions.get(entry.session.id) === entry) this.watch(entry);
    });
    entry.turn = result.catch(() => undefined);
    return result;
  }

  /** (Re)starts the idle clock: an import nobody talks to for `idleMs` is rolled back and forgotten. */
  private watch(entry: Entry): void {
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      if (entry.calls > 0) return; // a call is under way and will restart the clock when it ends
      this.logger.warn(`import ${entry.session.id} abandoned after ${this.limits.idleMs} ms without news; rolled back`);
      void this.discard(entry);
    }, this.limits.idleMs);
    entry.timer.unref();
  }

  private forget(entry: Entry): void {
    clearTimeout(entry.timer);
    this.sessions.delete(entry.session.id);
  }

  private async discard(entry: Entry): Promise<void> {
    this.forget(entry);
    await entry.session.abandon();
  }

  /** Stores how the import ended, in its own small transaction, after the import's own one has ended. */
  private async record(session: ImportSession, outcome: ImportOutcome): Promise<ImportView> {
    const row: ImportEntity = {
      id: session.id,
      userId: session.userId,
      status: outcome.status,
      fileName: session.fileName,
      inserted: outcome.inserted,
      duplicates: outcome.duplicates,
      failed: JSON.stringify(outcome.failed),
      failedCount: outcome.failedCount,
      createdAt: session.createdAt,
      completedAt: new Date(),
    };
    await this.runner.run((manager) => manager.insert(ImportEntity, row));
    return toImportView(row);
  }
}

/** An import the database gave up on: nothing of it was kept, and trying again may well work. */
function explain(error: unknown): unknown {
  const { code, driverError } = (error ?? {}) as { code?: string; driverError?: { code?: string } };
  if (COLLISIONS.has(driverError?.code ?? code ?? '')) {
    return new DomainError(
      ErrorCode.CONFLICT,
      'the import collided with another change to the same transactions; nothing was imported, try again',
    );
  }
  return error;
}

function rejection(view: ImportView): DomainError {
  return new DomainError(
    ErrorCode.IMPORT_INVALID,
    `${view.failedCount} row(s) cannot be imported, so nothing was; fix them, or import with skipInvalid=true to leave them out`,
    view,
  );
}
