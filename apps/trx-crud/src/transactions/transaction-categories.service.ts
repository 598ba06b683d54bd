import { existingCategoryIds } from '../categories/existing-category-ids';
import {
  CategoriesSet,
  CategoryAssignment,
  CategorySource,
  DomainError,
  ErrorCode,
  TransactionCategorizedPayload,
  TransactionView,
} from '@finstack/contracts';
import { TransactionRunner } from '@finstack/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { byTransactionId, chunks, isMysql, placeholders, sqlTimestamp } from '../common/sql';
import { LedgerOutbox } from '../outbox/ledger-outbox';
import { transactionsCategorized } from '../outbox/transaction-events';
import { RunningTotals } from '../totals/running-totals';
import { selectTransactions } from '../totals/transaction-selection';
import { TransactionEntity } from './transaction.entity';
import { selectTransactionRows } from './transaction-row';
import { toTransactionView } from './transaction.view';
import { explainTransactionWriteErrors } from './transaction-write-errors';

/** Rows changed by one UPDATE (a UNION of their values on MySQL, four CASEs on SQLite): moderate statements. */
const ROWS_PER_UPDATE = 250;

/** One assignment as it will be written. */
interface Change {
  id: string;
  categoryId: string | null;
  /** A choice made by hand: applies whatever the row holds. */
  manual: boolean;
  /** category_source to store: 'none' when the category is cleared. */
  source: CategorySource;
  confidence: number | null;
  reason: string | null;
}

/** A transaction's category as stored before the change. */
interface Current {
  categoryId: string | null;
  source: string;
}

/**
 * Reads and categorises transactions in bulk, for the classifier. A manual
 * choice always applies; an automatic one never replaces a manual one, and
 * that rule is enforced by the UPDATE itself, so a manual choice committed a
 * moment earlier by another request is never overwritten. Each transaction
 * moved to another category is told to its owner as transaction.categorized,
 * written in the same database transaction.
 */
@Injectable()
export class TransactionCategoriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: TransactionRunner,
    private readonly totals: RunningTotals,
    private readonly outbox: LedgerOutbox,
  ) {}

  /** The user's transactions among `ids`, in the order asked; others' and missing ones are left out. */
  async getMany(userId: string, ids: string[]): Promise<TransactionView[]> {
    const wanted = [...new Set(ids.map((id) => id.toLowerCase()))];
    // The unary plus keeps SQLite from planning this as a walk through all the user's rows (see byTransactionId).
    const ownerTerm = isMysql(this.dataSource) ? 't.userId = :userId' : '+ t.userId = :userId';
    const rows = await selectTransactionRows(
      this.dataSource.manager
        .createQueryBuilder(TransactionEntity, 't')
        .where('t.id IN (:...ids)', { ids: wanted })
        .andWhere(ownerTerm, { userId }),
    );
    const byId = new Map(rows.map((row) => [row.id.toLowerCase(), row]));
    return wanted.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toTransactionView(row)] : [];
    });
  }

  /**
   * All or nothing: a transaction or category that is not the user's fails the
   * whole message with 404 and changes nothing. When one transaction is named
   * twice, the last assignment wins.
   */
  async setCategories(userId: string, assignments: CategoryAssignment[]): Promise<CategoriesSet> {
    const changes = toChanges(assignments);
    const { result, events } = await explainTransactionWriteErrors(() =>
      this.runner.run(async (manager) => {
        const current = await this.lockCurrent(manager, userId, [...changes.keys()]);
        await this.assertCategoriesExist(manager, userId, changes);

        const manual: Change[] = [];
        const automatic: Change[] = [];
        for (const change of changes.values()) (change.manual ? manual : automatic).push(change);
        const changed = selectTransactions.byIds([...changes.keys()]);
        await this.totals.countOutOfCategories(manager, userId, changed);
        const now = new Date();
        for (const slice of chunks(manual, ROWS_PER_UPDATE)) await this.update(manager, userId, slice, sqlTimestamp(now), false);
        for (const slice of chunks(automatic, ROWS_PER_UPDATE)) await this.update(manager, userId, slice, sqlTimestamp(now), true);
        await this.totals.countIntoCategories(manager, userId, changed);

        // The rows were read with a lock (MySQL) or inside the queue (SQLite): what we saw is what the UPDATE saw.
        const result: CategoriesSet = { updated: [], skippedManual: [] };
        const applied: TransactionCategorizedPayload[] = [];
        for (const change of changes.values()) {
          const before = current.get(change.id)!;
          const skipped = !change.manual && before.source === 'manual';
          (skipped ? result.skippedManual : result.updated).push(change.id);
          if (!skipped) applied.push(categoryChange(change, before));
        }
        const events = transactionsCategorized(userId, applied, now);
        await this.outbox.append(manager, events);
        return { result, events: events.length };
      }),
    );
    if (events > 0) this.outbox.committed();
    return result;
  }

  /**
   * Current category and category_source of each transaction, or 404 when one
   * is missing. On MySQL the rows stay locked until commit, so no manual choice
   * can slip in between this read and the UPDATE.
   */
  private async lockCurrent(manager: EntityManager, userId: string, ids: string[]): Promise<Map<string, Current>> {
    const lock = isMysql(this.dataSource) ? ' FOR UPDATE' : '';
    const rows: { id: string; category_id: string | null; category_source: string }[] = await manager.query(
      `SELECT id, category_id, category_source FROM transactions${byTransactionId(this.dataSource)} ` +
        `WHERE user_id = ? AND id IN (${placeholders(ids.length)})${lock}`,
      [userId, ...ids],
    );
    const current = new Map(rows.map((row) => [row.id.toLowerCase(), { categoryId: row.category_id, source: row.category_source }]));
    const missing = ids.filter((id) => !current.has(id));
    if (missing.length > 0) {
      throw new DomainError(ErrorCode.TRANSACTION_NOT_FOUND, `transaction ${missing[0]} not found`, {
        transactionIds: missing,
      });
    }
    return current;
  }

  private async assertCategoriesExist(manager: EntityManager, userId: string, changes: Map<string, Change>) {
    const ids = [...new Set([...changes.values()].flatMap((change) => (change.categoryId ? [change.categoryId] : [])))];
    if (ids.length === 0) return;
    const found = await existingCategoryIds(manager, userId, ids);
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new DomainError(ErrorCode.CATEGORY_NOT_FOUND, `category ${missing[0]} not found`, { categoryIds: missing });
    }
  }

  /** One UPDATE for a slice; automatic changes skip rows chosen by hand. */
  private async update(manager: EntityManager, userId: string, slice: Change[], now: string, automatic: boolean) {
    const keepManual = automatic ? " AND t.category_source <> 'manual'" : '';
    const params: unknown[] = [];
    if (isMysql(this.dataSource)) {
      // Joined to the slice's values: each row is found through the id index, where a CASE
      // would compare every row with every id of the slice (measured twice as slow).
      const values = slice.map((change, index) => {
        params.push(change.id, change.categoryId, change.source, change.confidence, change.reason);
        return index === 0 ? 'SELECT ? AS id, ? AS category_id, ? AS source, ? AS confidence, ? AS reason' : 'SELECT ?, ?, ?, ?, ?';
      });
      params.push(now, userId);
      await manager.query(
        `UPDATE transactions t JOIN (${values.join(' UNION ALL ')}) v ON t.id = v.id ` +
          'SET t.category_id = v.category_id, t.category_source = v.source, t.category_confidence = v.confidence, ' +
          `t.category_reason = v.reason, t.updated_at = ? WHERE t.user_id = ?${keepManual}`,
        params,
      );
      return;
    }
    // SQLite compares bytes, so a CASE over the slice is cheap there.
    const caseOf = (value: (change: Change) => unknown) => {
      for (const change of slice) params.push(change.id, value(change));
      return `CASE id${' WHEN ? THEN ?'.repeat(slice.length)} END`;
    };
    const sets = [
      `category_id = ${caseOf((change) => change.categoryId)}`,
      `category_source = ${caseOf((change) => change.source)}`,
      `category_confidence = ${caseOf((change) => change.confidence)}`,
      `category_reason = ${caseOf((change) => change.reason)}`,
      'updated_at = ?',
    ];
    params.push(now, userId, ...slice.map((change) => change.id));
    await manager.query(
      `UPDATE transactions AS t${byTransactionId(this.dataSource)} SET ${sets.join(', ')} ` +
        `WHERE t.user_id = ? AND t.id IN (${placeholders(slice.length)})${keepManual}`,
      params,
    );
  }
}

/** What an applied change did to a transaction's category, for transaction.categorized. */
function categoryChange(change: Change, before: Current): TransactionCategorizedPayload {
  return {
    transactionId: change.id,
    previousCategoryId: before.categoryId,
    categoryId: change.categoryId,
    categorySource: change.source,
    categoryConfidence: change.confidence,
  };
}

/** One change per transaction (the last assignment wins), as it will be stored. */
function toChanges(assignments: CategoryAssignment[]): Map<string, Change> {
  const changes = new Map<string, Change>();
  for (const assignment of assignments) {
    const id = assignment.transactionId.toLowerCase();
    const categoryId = assignment.categoryId?.toLowerCase() ?? null;
    if (categoryId !== null && assignment.source === 'none') {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, "source 'none' goes with categoryId null", [
        { field: 'assignments.source', errors: ["source 'none' goes with categoryId null"] },
      ]);
    }
    const manual = assignment.source === 'manual';
    changes.delete(id); // keeps the map in the order of each transaction's last assignment
    const automatic = !manual && categoryId !== null;
    changes.set(id, {
      id,
      categoryId,
      // Clearing leaves no category ('none'); who cleared it still decides whether a manual choice is kept.
      manual,
      source: categoryId === null ? 'none' : assignment.source,
      confidence: automatic ? (assignment.confidence ?? null) : null,
      reason: automatic ? (assignment.reason ?? null) : null,
    });
  }
  return changes;
}
