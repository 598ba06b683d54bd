import {
  AutoCategory,
  CreatedTransaction,
  CreateTransactionBody,
  TransactionCategorizedPayload,
  TransactionView,
  UpdateTransactionBody,
} from '@finstack/contracts';
import { TransactionRunner } from '@finstack/database';
import { payeeOf } from '@finstack/statement-text';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { findUserCategory } from '../categories/find-category';
import { RunningTotals } from '../totals/running-totals';
import { selectTransactions } from '../totals/transaction-selection';
import { assertNotEmptyPatch } from '../common/empty-patch';
import { IdempotentRequestsService } from '../idempotency/idempotent-requests.service';
import { LedgerOutbox } from '../outbox/ledger-outbox';
import { transactionCreated, transactionsCategorized } from '../outbox/transaction-events';
import { changeAmount } from './amount-change';
import { idempotentCreate, newTransactionRow, requestedCategory } from './new-transaction';
import { findUserTransaction } from './find-transaction';
import { TransactionEntity } from './transaction.entity';
import { toTransactionView } from './transaction.view';
import { explainTransactionWriteErrors } from './transaction-write-errors';

@Injectable()
export class TransactionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: TransactionRunner,
    private readonly idempotency: IdempotentRequestsService,
    private readonly totals: RunningTotals,
    private readonly outbox: LedgerOutbox,
  ) {}

  /**
   * A category named in the body is the user's choice (manual). Without one,
   * `autoCategory` (the classifier's choice) is stored with its source,
   * confidence and reason. It is not part of the request fingerprint: a retry
   * replays the stored transaction even if the classifier would now choose
   * differently, and writes no second transaction.created.
   */
  async create(
    userId: string,
    body: CreateTransactionBody,
    idempotencyKey?: string,
    autoCategory?: AutoCategory,
  ): Promise<CreatedTransaction> {
    const insert = (manager: EntityManager) => this.insert(manager, userId, body, autoCategory);
    if (idempotencyKey === undefined) {
      const transaction = await this.runner.run(insert);
      this.outbox.committed();
      return { transaction, replayed: false };
    }
    const { response, replayed } = await this.idempotency.run(idempotentCreate(userId, idempotencyKey, body), insert);
    if (!replayed) this.outbox.committed();
    return { transaction: response, replayed };
  }

  async get(userId: string, id: string): Promise<TransactionView> {
    return toTransactionView(await findUserTransaction(this.dataSource.manager, userId, id));
  }

  /**
   * Partial update: null clears merchant, categoryId or externalId; a category
   * set here is a manual choice, told as transaction.categorized when it differs.
   */
  async update(userId: string, id: string, patch: UpdateTransactionBody): Promise<TransactionView> {
    assertNotEmptyPatch(patch);
    const { updated, events } = await this.runner.run(async (manager) => {
      const row = await findUserTransaction(manager, userId, id, { forUpdate: true });
      const thisRow = selectTransactions.byIds([row.id]);
      await this.totals.count(manager, userId, thisRow, -1);
      const now = new Date();
      const changes: Partial<TransactionEntity> = { updatedAt: now };
      if (patch.amount !== undefined || patch.currency !== undefined) Object.assign(changes, changeAmount(row, patch));
      if (patch.occurredOn !== undefined) changes.occurredOn = patch.occurredOn;
      if (patch.description !== undefined) changes.description = patch.description;
      if (patch.merchant !== undefined) changes.merchant = patch.merchant;
      if (patch.externalId !== undefined) changes.externalId = patch.externalId;
      if (patch.description !== undefined || patch.merchant !== undefined) {
        changes.payee = payeeOf(changes.description ?? row.description, changes.merchant === undefined ? row.merchant : changes.merchant);
      }
      if (patch.categoryId === null) {
        Object.assign(changes, { categoryId: null, categorySource: 'none', categoryConfidence: null, categoryReason: null });
      } else if (patch.categoryId !== undefined) {
        changes.categoryId = (await findUserCategory(manager, userId, patch.categoryId)).id;
        Object.assign(changes, { categorySource: 'manual', categoryConfidence: null, categoryReason: null });
      }
      await explainTransactionWriteErrors(() => manager.update(TransactionEntity, { id: row.id, userId }, changes));
      await this.totals.count(manager, userId, thisRow, 1);
      const updated = toTransactionView({ ...row, ...changes });
      const events = patch.categoryId === undefined ? [] : transactionsCategorized(userId, [categoryChange(row, updated)], now);
      await this.outbox.append(manager, events);
      return { updated, events: events.length };
    });
    if (events > 0) this.outbox.committed();
    return updated;
  }

  async delete(userId: string, id: string): Promise<{ id: string }> {
    await this.runner.run(async (manager) => {
      const row = await findUserTransaction(manager, userId, id, { forUpdate: true });
      await this.totals.count(manager, userId, selectTransactions.byIds([row.id]), -1);
      await manager.delete(TransactionEntity, { id: row.id, userId });
    });
    return { id };
  }

  private async insert(
    manager: EntityManager,
    userId: string,
    body: CreateTransactionBody,
    autoCategory: AutoCategory | undefined,
  ): Promise<TransactionView> {
    const requested = requestedCategory(body, autoCategory);
    const category = requested.id === null ? null : await findUserCategory(manager, userId, requested.id);
    const row = newTransactionRow(userId, body, requested, category?.id ?? null, new Date());
    await explainTransactionWriteErrors(() => manager.insert(TransactionEntity, row));
    await this.totals.count(manager, userId, selectTransactions.byIds([row.id]), 1);
    const created = toTransactionView(row);
    // In the idempotent request's transaction: a replay answers from the stored response and writes no event.
    await this.outbox.append(manager, [transactionCreated(userId, created)]);
    return created;
  }
}

function categoryChange(before: TransactionEntity, after: TransactionView): TransactionCategorizedPayload {
  return {
    transactionId: after.id,
    previousCategoryId: before.categoryId,
    categoryId: after.categoryId,
    categorySource: after.categorySource,
    categoryConfidence: after.categoryConfidence,
  };
}
