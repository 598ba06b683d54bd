import { AutoCategory, CreatedTransaction, CreateTransactionBody, TransactionView } from '@finstack/contracts';
import { SqlExecutor, TransactionRunner } from '@finstack/database';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CoalescingQueue } from '../common/coalescing-queue';
import { placeholders } from '../common/sql';
import { IdempotentRequestsService, recordKeyOf } from '../idempotency/idempotent-requests.service';
import { LedgerOutbox } from '../outbox/ledger-outbox';
import { transactionCreated } from '../outbox/transaction-events';
import { RunningTotals } from '../totals/running-totals';
import { selectTransactions } from '../totals/transaction-selection';
import { idempotentCreate, newTransactionRow, requestedCategory } from './new-transaction';
import { TransactionEntity } from './transaction.entity';
import { toTransactionView } from './transaction.view';
import { TransactionsService } from './transactions.service';

export interface CreateRequest {
  userId: string;
  body: CreateTransactionBody;
  idempotencyKey?: string;
  autoCategory?: AutoCategory;
}

/** About 20 parameters a row: a batch stays far inside every driver's limit. */
const MAX_BATCH = 50;
/** Two: one batch's statements run while the other waits for its commit. */
const BATCHES_IN_FLIGHT = 2;

/**
 * Creates that arrive together are written together: one database
 * transaction, one INSERT of all rows, one count into the running totals,
 * one outbox append, one commit and fsync, shared by the whole batch. Each
 * answer is what `TransactionsService.create` would have given alone; a
 * create that needs deciding (its Idempotency-Key is known already, or
 * appears twice in the batch; its category is not the user's) takes that
 * path itself after the batch, and if the batch's transaction fails (say, on
 * an external id used twice), nothing of it stays and every create of it
 * takes that path, so each gets its own answer.
 */
@Injectable()
export class GroupedCreates {
  private readonly queue = new CoalescingQueue<CreateRequest, CreatedTransaction>((batch) => this.write(batch), {
    maxBatch: MAX_BATCH,
    concurrency: BATCHES_IN_FLIGHT,
  });

  constructor(
    private readonly runner: TransactionRunner,
    private readonly idempotency: IdempotentRequestsService,
    private readonly totals: RunningTotals,
    private readonly outbox: LedgerOutbox,
    private readonly transactions: TransactionsService,
  ) {}

  create(request: CreateRequest): Promise<CreatedTransaction> {
    return this.queue.push(request);
  }

  private async write(batch: CreateRequest[]): Promise<PromiseSettledResult<CreatedTransaction>[]> {
    if (batch.length === 1) return [await settle(this.createAlone(batch[0]))];
    let written: Map<number, TransactionView>;
    try {
      written = await this.runner.run((manager) => this.insertTogether(manager, batch));
    } catch {
      written = new Map();
    }
    if (written.size > 0) this.outbox.committed();
    return Promise.all(
      batch.map((request, index) => {
        const transaction = written.get(index);
        return transaction ? fulfilled({ transaction, replayed: false }) : settle(this.createAlone(request));
      }),
    );
  }

  private createAlone({ userId, body, idempotencyKey, autoCategory }: CreateRequest): Promise<CreatedTransaction> {
    return this.transactions.create(userId, body, idempotencyKey, autoCategory);
  }

  /** Writes the creates that need no deciding; answers them by their index in the batch. */
  private async insertTogether(manager: EntityManager, batch: CreateRequest[]): Promise<Map<number, TransactionView>> {
    const keyed = batch.map(({ userId, idempotencyKey, body }) => (idempotencyKey ? idempotentCreate(userId, idempotencyKey, body) : undefined));
    const recorded = await this.idempotency.recorded(manager, keyed.filter((request) => request !== undefined));
    const requested = batch.map(({ body, autoCategory }) => requestedCategory(body, autoCategory));
    const categories = await categoriesById(manager, requested.map((category) => category.id).filter((id) => id !== null));
    const now = new Date();
    const rows = new Map<number, TransactionEntity>();
    const keysInBatch = new Set<string>();
    batch.forEach(({ userId, body }, index) => {
      const key = keyed[index] && recordKeyOf(keyed[index]);
      if (key !== undefined && (recorded.has(key) || keysInBatch.has(key))) return;
      const { id } = requested[index];
      const category = id === null ? null : categories.get(id.toLowerCase());
      if (category !== null && category?.userId !== userId) return;
      if (key !== undefined) keysInBatch.add(key);
      rows.set(index, newTransactionRow(userId, body, requested[index], category?.id ?? null, now));
    });
    if (rows.size === 0) return new Map();

    await manager.insert(TransactionEntity, [...rows.values()]);
    await this.totals.countInEveryUser(manager, selectTransactions.byIds([...rows.values()].map((row) => row.id)));
    const views = new Map([...rows].map(([index, row]) => [index, toTransactionView(row)]));
    const answered = [...views].flatMap(([index, response]) => (keyed[index] ? [{ request: keyed[index], response }] : []));
    await this.idempotency.recordAnswered(manager, answered, now);
    await this.outbox.append(
      manager,
      [...views].map(([index, view]) => transactionCreated(batch[index].userId, view)),
    );
    return views;
  }
}

/** The categories with these ids, of any user, by lower-case id (as the database compares them on MySQL). */
async function categoriesById(executor: SqlExecutor, ids: readonly string[]): Promise<Map<string, { id: string; userId: string }>> {
  if (ids.length === 0) return new Map();
  const unique = [...new Set(ids)];
  const rows = await executor.query<{ id: string; user_id: string }[]>(
    `SELECT id, user_id FROM categories WHERE id IN (${placeholders(unique.length)})`,
    unique,
  );
  return new Map(rows.map((row) => [row.id.toLowerCase(), { id: row.id, userId: row.user_id }]));
}

function fulfilled<T>(value: T): PromiseSettledResult<T> {
  return { status: 'fulfilled', value };
}

async function settle<T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> {
  try {
    return fulfilled(await promise);
  } catch (reason) {
    return { status: 'rejected', reason };
  }
}
