import {
  CategoryAssignment,
  CategoryView,
  CreateTransactionBody,
  ErrorCode,
  EVENT_TYPES,
  ImportOptions,
  TransactionView,
} from '@finstack/contracts';
import { OutboxRelay } from '@finstack/outbox';
import { CategoriesService } from '../categories/categories.service';
import { ImportsService } from '../imports/imports.service';
import { expectDomainError } from '../testing/expect-domain-error';
import { createLedgerTestApp, LedgerTestApp, newUserId } from '../testing/ledger-test-app';
import { TransactionCategoriesService } from '../transactions/transaction-categories.service';
import { TransactionsService } from '../transactions/transactions.service';
import { LEDGER_OUTBOX } from './ledger-outbox';

const lunch: CreateTransactionBody = { occurredOn: '2025-03-14', amount: '-12.00', currency: 'EUR', description: 'Lunch' };

/** Stands in for the relay the app module runs: counts the wake-ups after commits. */
const relay = { wake: jest.fn() };
const RelayStandIn = { module: class RelayStandIn {}, global: true, providers: [{ provide: OutboxRelay, useValue: relay }], exports: [OutboxRelay] };

describe('the ledger’s events in its outbox', () => {
  let app: LedgerTestApp;
  let transactions: TransactionsService;
  let categorizing: TransactionCategoriesService;
  let categories: CategoriesService;
  let user: string;
  let dining: CategoryView;
  let travel: CategoryView;

  beforeAll(async () => {
    app = await createLedgerTestApp([RelayStandIn]);
    transactions = app.get(TransactionsService);
    categorizing = app.get(TransactionCategoriesService);
    categories = app.get(CategoriesService);
  });
  afterAll(() => app.close());
  beforeEach(async () => {
    user = newUserId();
    dining = await categories.create(user, { name: 'Dining', kind: 'expense' });
    travel = await categories.create(user, { name: 'Travel', kind: 'expense' });
    relay.wake.mockClear();
  });

  /** The user's events in the outbox, oldest first (nothing relays them here). */
  const eventsOf = async (owner = user): Promise<Array<{ type: string; payload: Record<string, unknown> }>> => {
    const rows: { type: string; payload: string }[] = await app.dataSource.query(
      `SELECT type, payload FROM ${LEDGER_OUTBOX} WHERE user_id = ? ORDER BY id`,
      [owner],
    );
    return rows.map((row) => ({ type: row.type, payload: JSON.parse(row.payload) as Record<string, unknown> }));
  };
  const categorizedEvents = async () => (await eventsOf()).filter((event) => event.type === EVENT_TYPES.transactionCategorized);
  const add = async (fields: Partial<CreateTransactionBody> = {}): Promise<TransactionView> =>
    (await transactions.create(user, { ...lunch, ...fields })).transaction;
  const byHand = (transactionId: string, categoryId: string | null): CategoryAssignment => ({ transactionId, categoryId, source: 'manual' });
  const byRule = (transactionId: string, categoryId: string | null): CategoryAssignment => ({
    transactionId,
    categoryId,
    source: 'rule',
    confidence: 0.9,
    reason: 'rule 1',
  });

  describe('transaction.created', () => {
    it('is written once per created transaction, for its owner, with the automatic category chosen before the insert', async () => {
      const { transaction } = await transactions.create(user, { ...lunch, merchant: 'Pret' }, undefined, {
        categoryId: dining.id,
        source: 'model',
        confidence: 0.82,
        reason: 'tokens: lunch',
      });

      expect(await eventsOf()).toEqual([
        {
          type: EVENT_TYPES.transactionCreated,
          payload: {
            transactionId: transaction.id,
            amount: '-12.00',
            currency: 'EUR',
            occurredOn: '2025-03-14',
            description: 'Lunch',
            merchant: 'Pret',
            categoryId: dining.id,
            categorySource: 'model',
            categoryConfidence: 0.82,
          },
        },
      ]);
      expect(relay.wake).toHaveBeenCalledTimes(1);
    });

    it('carries a category named in the body as manual, and none without one', async () => {
      const chosen = await add({ categoryId: travel.id });
      const plain = await add();
      expect((await eventsOf()).map((event) => event.payload)).toEqual([
        expect.objectContaining({ transactionId: chosen.id, categoryId: travel.id, categorySource: 'manual', categoryConfidence: null }),
        expect.objectContaining({ transactionId: plain.id, categoryId: null, categorySource: 'none', categoryConfidence: null }),
      ]);
    });

    it('is not written again for a replayed idempotent request, nor for concurrent twins', async () => {
      const first = await transactions.create(user, lunch, 'key-1');
      const retry = await transactions.create(user, lunch, 'key-1');
      await Promise.all([1, 2, 3].map(() => transactions.create(user, { ...lunch, description: 'Dinner' }, 'key-2')));

      expect(retry.replayed).toBe(true);
      const created = await eventsOf();
      expect(created.map((event) => event.payload.description)).toEqual(['Lunch', 'Dinner']);
      expect(created[0].payload.transactionId).toBe(first.transaction.id);
      expect(relay.wake).toHaveBeenCalledTimes(2);
    });

    it('is not written when the create is refused and rolls back', async () => {
      await add({ externalId: 'bank-1' });
      const theirs = await categories.create(newUserId(), { name: 'Theirs', kind: 'expense' });
      relay.wake.mockClear();

      await expectDomainError(transactions.create(user, { ...lunch, externalId: 'bank-1' }), ErrorCode.EXTERNAL_ID_TAKEN);
      await expectDomainError(transactions.create(user, { ...lunch, externalId: 'bank-1' }, 'key-3'), ErrorCode.EXTERNAL_ID_TAKEN);
      await expectDomainError(transactions.create(user, { ...lunch, categoryId: theirs.id }), ErrorCode.CATEGORY_NOT_FOUND);

      expect(await eventsOf()).toHaveLength(1);
      expect(relay.wake).not.toHaveBeenCalled();
    });

    it('is not written for the rows of a CSV import (a file may hold 100,000 of them)', async () => {
      const imports = app.get(ImportsService);
      const { importId } = await imports.begin(user, Object.assign(new ImportOptions(), { amountColumn: 'amount', currency: 'EUR' }));
      await imports.append(user, importId, 0, 'date,amount,description\n2025-03-14,-4.50,Coffee\n2025-03-15,-9.00,Lunch\n');
      expect(await imports.finish(user, importId)).toMatchObject({ status: 'completed', inserted: 2 });
      expect(await eventsOf()).toEqual([]);
    });
  });

  describe('transaction.categorized', () => {
    it('is written once when a category is set by hand, and not again when the same one is set', async () => {
      const transaction = await add();
      relay.wake.mockClear();

      await categorizing.setCategories(user, [byHand(transaction.id, dining.id)]);
      await categorizing.setCategories(user, [byHand(transaction.id, dining.id)]);
      await transactions.update(user, transaction.id, { categoryId: dining.id });

      expect(await categorizedEvents()).toEqual([
        {
          type: EVENT_TYPES.transactionCategorized,
          payload: {
            transactionId: transaction.id,
            previousCategoryId: null,
            categoryId: dining.id,
            categorySource: 'manual',
            categoryConfidence: null,
          },
        },
      ]);
      expect(relay.wake).toHaveBeenCalledTimes(1);
    });

    it('is written when an edit moves the transaction to another category or clears it, and not for other edits', async () => {
      const transaction = await add({ categoryId: dining.id });

      await transactions.update(user, transaction.id, { description: 'Team lunch' });
      await transactions.update(user, transaction.id, { categoryId: travel.id });
      await transactions.update(user, transaction.id, { categoryId: null });

      expect((await categorizedEvents()).map((event) => event.payload)).toEqual([
        expect.objectContaining({ previousCategoryId: dining.id, categoryId: travel.id, categorySource: 'manual' }),
        expect.objectContaining({ previousCategoryId: travel.id, categoryId: null, categorySource: 'none' }),
      ]);
    });

    it('is written per transaction a bulk or automatic change actually moves', async () => {
      const [unchanged, moved, manual, fresh] = [await add({ categoryId: dining.id }), await add(), await add({ categoryId: travel.id }), await add()];
      await categorizing.setCategories(user, [byRule(moved.id, travel.id)]);

      const bulk = await categorizing.setCategories(user, [byHand(unchanged.id, dining.id), byHand(moved.id, dining.id)]);
      const automatic = await categorizing.setCategories(user, [byRule(manual.id, dining.id), byRule(fresh.id, dining.id)]);

      expect(bulk.updated).toHaveLength(2);
      expect(automatic).toEqual({ updated: [fresh.id], skippedManual: [manual.id] });
      expect((await categorizedEvents()).map((event) => event.payload)).toEqual([
        expect.objectContaining({ transactionId: moved.id, previousCategoryId: null, categoryId: travel.id, categorySource: 'rule', categoryConfidence: 0.9 }),
        expect.objectContaining({ transactionId: moved.id, previousCategoryId: travel.id, categoryId: dining.id, categorySource: 'manual' }),
        expect.objectContaining({ transactionId: fresh.id, previousCategoryId: null, categoryId: dining.id, categorySource: 'rule' }),
      ]);
    });

    it('is not written when the change is refused and rolls back', async () => {
      await add({ externalId: 'taken' });
      const transaction = await add();
      const theirs = (await transactions.create(newUserId(), lunch)).transaction;

      await expectDomainError(
        categorizing.setCategories(user, [byHand(transaction.id, dining.id), byHand(theirs.id, dining.id)]),
        ErrorCode.TRANSACTION_NOT_FOUND,
      );
      await expectDomainError(transactions.update(user, transaction.id, { categoryId: travel.id, externalId: 'taken' }), ErrorCode.EXTERNAL_ID_TAKEN);

      expect(await categorizedEvents()).toEqual([]);
      expect(await transactions.get(user, transaction.id)).toEqual(transaction);
    });
  });
});
