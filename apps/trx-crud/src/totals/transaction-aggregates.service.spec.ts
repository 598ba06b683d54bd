import {
  AggregateDimension,
  AggregateTransactionsMessage,
  CategoryView,
  CreateTransactionBody,
  ImportOptions,
  TransactionAggregate,
} from '@finstack/contracts';
import { minorDigits, toMinorUnits } from '@finstack/money';
import { payeeLabel, payeeOf } from '@finstack/statement-text';
import { DataSource } from 'typeorm';
import { CategoriesService } from '../categories/categories.service';
import { ImportsService } from '../imports/imports.service';
import { createLedgerTestApp, LedgerTestApp, newUserId } from '../testing/ledger-test-app';
import { GroupedCreates } from '../transactions/grouped-creates';
import { TransactionCategoriesService } from '../transactions/transaction-categories.service';
import { TransactionListService } from '../transactions/transaction-list.service';
import { TransactionsService } from '../transactions/transactions.service';
import { TransactionAggregatesService } from './transaction-aggregates.service';

/** Periods that cover whole months, parts of months, both, and a single day. */
const PERIODS = [
  ['2025-01-01', '2025-03-31'],
  ['2025-01-15', '2025-03-10'],
  ['2024-12-31', '2025-02-01'],
  ['2025-02-28', '2025-02-28'],
  ['2000-01-01', '2099-12-31'],
] as const;
const DIMENSIONS: AggregateDimension[] = ['day', 'month', 'category', 'merchant'];

describe('TransactionAggregatesService', () => {
  let app: LedgerTestApp;
  let aggregates: TransactionAggregatesService;
  let transactions: TransactionsService;
  let categories: CategoriesService;
  let user: string;
  let food: CategoryView;
  let travel: CategoryView;

  beforeAll(async () => {
    app = await createLedgerTestApp();
    aggregates = app.get(TransactionAggregatesService);
    transactions = app.get(TransactionsService);
    categories = app.get(CategoriesService);
  });
  afterAll(() => app.close());
  beforeEach(async () => {
    user = newUserId();
    food = await categories.create(user, { name: 'Food', kind: 'expense' });
    travel = await categories.create(user, { name: 'Travel', kind: 'expense' });
  });

  const add = async (body: Partial<CreateTransactionBody>) =>
    (
      await transactions.create(user, {
        occurredOn: '2025-01-31',
        amount: '-10.00',
        currency: 'EUR',
        description: 'Coffee',
        ...body,
      })
    ).transaction;

  const ask = (groupBy: AggregateDimension, from: string, to: string, currency?: string) =>
    aggregates.aggregate(Object.assign(new AggregateTransactionsMessage(), { userId: user, from, to, groupBy, currency }));

  /** The same totals, worked out the slow way from every stored transaction. */
  async function bruteForce(groupBy: AggregateDimension, from: string, to: string): Promise<TransactionAggregate[]> {
    const { items } = await app.get(TransactionListService).list(user, { limit: 200 });
    const names = new Map((await categories.list(user)).map((category) => [category.id, category.name]));
    const groups = new Map<string, TransactionAggregate>();
    for (const item of items.filter((t) => t.occurredOn >= from && t.occurredOn <= to)) {
      const key =
        groupBy === 'day'
          ? item.occurredOn
          : groupBy === 'month'
            ? item.occurredOn.slice(0, 7)
            : groupBy === 'category'
              ? item.categoryId
              : payeeOf(item.description, item.merchant) || null;
      const id = `${item.currency}|${key}`;
      const group = groups.get(id) ?? {
        key,
        label:
          key === null || groupBy === 'day' || groupBy === 'month'
            ? null
            : groupBy === 'category'
              ? (names.get(key) ?? null)
              : payeeLabel(key),
        currency: item.currency,
        spentMinor: '0',
        receivedMinor: '0',
        count: 0,
      };
      const minor = toMinorUnits(item.amount, minorDigits(item.currency));
      if (minor < 0n) group.spentMinor = String(BigInt(group.spentMinor) - minor);
      else group.receivedMinor = String(BigInt(group.receivedMinor) + minor);
      group.count += 1;
      groups.set(id, group);
    }
    return sorted([...groups.values()]);
  }

  const sorted = (rows: TransactionAggregate[]) =>
    [...rows].sort((a, b) => `${a.currency}|${a.key}`.localeCompare(`${b.currency}|${b.key}`));

  async function expectTotalsToMatchTransactions(): Promise<void> {
    for (const [from, to] of PERIODS) {
      for (const groupBy of DIMENSIONS) {
        expect({ groupBy, from, to, rows: sorted(await ask(groupBy, from, to)) }).toEqual({
          groupBy,
          from,
          to,
          rows: await bruteForce(groupBy, from, to),
        });
      }
    }
  }

  it('totals spent and received per month and currency, with refunds as money received', async () => {
    await add({ occurredOn: '2025-01-02', amount: '-100.10' });
    await add({ occurredOn: '2025-01-31', amount: '-0.20' });
    await add({ occurredOn: '2025-01-31', amount: '25.05', description: 'Refund' });
    await add({ occurredOn: '2025-02-01', amount: '-7', currency: 'JPY' });
    expect(sorted(await ask('month', '2025-01-01', '2025-02-28'))).toEqual([
      { key: '2025-01', label: null, currency: 'EUR', spentMinor: '10030', receivedMinor: '2505', count: 3 },
      { key: '2025-02', label: null, currency: 'JPY', spentMinor: '7', receivedMinor: '0', count: 1 },
    ]);
    expect(await ask('month', '2025-02-01', '2025-02-28', 'EUR')).toEqual([]);
  });

  it('names categories, groups the uncategorised under null, and payees however the bank spelt them', async () => {
    await add({ categoryId: food.id, merchant: 'Blue Bottle' });
    await add({ description: 'POS VISA BLUE BOTTLE 3297 14/03 LONDON GB' });
    await add({ description: 'TRAIN TICKET' });
    const byCategory = sorted(await ask('category', '2025-01-01', '2025-01-31'));
    expect(byCategory.map(({ key, label, count }) => ({ key, label, count }))).toEqual(
      sorted([
        { key: food.id, label: 'Food', count: 1 },
        { key: null, label: null, count: 2 },
      ] as TransactionAggregate[]).map(({ key, label, count }) => ({ key, label, count })),
    );
    expect(sorted(await ask('merchant', '2025-01-01', '2025-01-31')).map(({ key, label, count }) => ({ key, label, count }))).toEqual([
      { key: 'blue bottle', label: 'Blue Bottle', count: 2 },
      { key: 'train ticket', label: 'Train Ticket', count: 1 },
    ]);
  });

  it('stays equal to the transactions through creates, edits, deletes, category changes and imports', async () => {
    const coffee = await add({ occurredOn: '2025-01-31', merchant: 'Blue Bottle' });
    const salary = await add({ occurredOn: '2025-02-01', amount: '3000.00', description: 'Salary' });
    const ticket = await add({ occurredOn: '2025-03-10', amount: '-89.90', description: 'Train', categoryId: travel.id });
    await add({ occurredOn: '2024-12-31', amount: '-5', currency: 'USD', description: 'Snack' });
    await expectTotalsToMatchTransactions();

    await transactions.update(user, coffee.id, { amount: '-12.50', occurredOn: '2025-02-28', merchant: null });
    await transactions.update(user, salary.id, { currency: 'USD', amount: '3100.00' });
    await transactions.update(user, ticket.id, { categoryId: food.id });
    await expectTotalsToMatchTransactions();

    await app.get(TransactionCategoriesService).setCategories(user, [
      { transactionId: coffee.id, categoryId: travel.id, source: 'rule', confidence: 0.9 },
      { transactionId: ticket.id, categoryId: null, source: 'manual' },
    ]);
    await expectTotalsToMatchTransactions();

    await categories.delete(user, travel.id, food.id);
    await transactions.delete(user, salary.id);
    await expectTotalsToMatchTransactions();

    const imports = app.get(ImportsService);
    const options = Object.assign(new ImportOptions(), { amountColumn: 'amount', currency: 'EUR' });
    const { importId } = await imports.begin(user, options, 'statement.csv');
    await imports.append(user, importId, 0, 'date,amount,description\n2025-01-15,-3.30,Bakery\n2025-03-31,45.00,Refund\n');
    await imports.finish(user, importId);
    await expectTotalsToMatchTransactions();
  });

  it('stays equal to the transactions when many writers add to the same totals at once', async () => {
    // One day, category and payee: on MySQL each writer's connection adds to a slot of its own.
    const created = await Promise.all(Array.from({ length: 24 }, (_, i) => add({ amount: `-${i + 1}.00`, merchant: 'Blue Bottle' })));
    const dataSource = app.get(DataSource);
    if (dataSource.options.type === 'mysql') {
      const rows: unknown[] = await dataSource.query('SELECT slot FROM ledger_daily_totals WHERE user_id = ?', [user]);
      expect(rows.length).toBeGreaterThan(1);
    }
    await Promise.all([
      ...created.slice(0, 8).map((row) => transactions.update(user, row.id, { amount: '7.00', categoryId: food.id })),
      ...created.slice(8, 16).map((row) => transactions.delete(user, row.id)),
      ...Array.from({ length: 8 }, () => add({ merchant: 'Blue Bottle', categoryId: food.id })),
    ]);
    await expectTotalsToMatchTransactions();
  });

  it('stays equal to the transactions when creates of several users are written together, refusals among them', async () => {
    const grouped = app.get(GroupedCreates);
    const other = newUserId();
    const auto = { categoryId: food.id, source: 'rule' as const, confidence: 0.8, reason: 'rule' };
    const body = (i: number): CreateTransactionBody => ({
      occurredOn: i % 2 ? '2025-01-31' : '2025-02-28',
      amount: i % 5 ? `-${i}.25` : `${i}.00`,
      currency: i % 7 ? 'EUR' : 'USD',
      description: 'Coffee',
      merchant: i % 3 ? 'Blue Bottle' : undefined,
    });
    const wave = (from: number, to: number) =>
      Promise.allSettled(
        Array.from({ length: to - from }, (_, n) => {
          const i = from + n;
          const mine = i % 4 !== 0;
          if (i === 11) return grouped.create({ userId: other, body: { ...body(i), categoryId: travel.id } }); // not theirs
          if (i >= 40 && i < 42) return grouped.create({ userId: user, body: { ...body(i), externalId: 'twice' } });
          return grouped.create({
            userId: mine ? user : other,
            body: mine && i % 2 ? { ...body(i), categoryId: travel.id } : body(i),
            ...(mine && i % 3 === 0 ? { autoCategory: auto } : {}),
          });
        }),
      );
    const refused = (results: PromiseSettledResult<unknown>[]) => results.filter((result) => result.status === 'rejected').length;
    expect(refused(await wave(0, 40))).toBe(1);
    // The same externalId twice rolls its batch back; each create of it is then written alone.
    expect(refused(await wave(40, 50))).toBe(1);
    await expectTotalsToMatchTransactions();
    user = other;
    await expectTotalsToMatchTransactions();
  });

  it('answers only the groups with the most spending when asked for a limit', async () => {
    await add({ merchant: 'Small', amount: '-1.00' });
    await add({ merchant: 'Large', amount: '-90.00' });
    await add({ merchant: 'Medium', amount: '-40.00', occurredOn: '2025-01-02' });
    await add({ merchant: 'Employer', amount: '2000.00' });
    const top = await aggregates.aggregate(
      Object.assign(new AggregateTransactionsMessage(), { userId: user, from: '2025-01-01', to: '2025-01-31', groupBy: 'merchant', limit: 2 }),
    );
    expect(top.map((row) => row.label)).toEqual(['Large', 'Medium']);
  });

  it('counts nothing of an import that was rolled back', async () => {
    const imports = app.get(ImportsService);
    const options = Object.assign(new ImportOptions(), { amountColumn: 'amount', currency: 'EUR', dryRun: true });
    const { importId } = await imports.begin(user, options, 'statement.csv');
    await imports.append(user, importId, 0, 'date,amount,description\n2025-01-15,-3.30,Bakery\n');
    await imports.finish(user, importId);
    expect(await ask('day', '2025-01-01', '2025-01-31')).toEqual([]);
  });

  it('never shows another user’s totals', async () => {
    await add({});
    const other = user;
    user = newUserId();
    expect(await ask('month', '2025-01-01', '2025-01-31')).toEqual([]);
    user = other;
    expect(await ask('month', '2025-01-01', '2025-01-31')).toHaveLength(1);
  });
});
