import { TransactionRunner } from '@finstack/database';
import { CategoryEntity } from '../categories/category.entity';
import { CategoriesService } from '../categories/categories.service';
import { createLedgerTestApp, LedgerTestApp, newUserId } from '../testing/ledger-test-app';
import { LedgerAccountsService } from './ledger-accounts.service';
import { STARTER_CATEGORIES } from './starter-categories';

describe('LedgerAccountsService', () => {
  let app: LedgerTestApp;
  let categories: CategoriesService;

  beforeAll(async () => {
    app = await createLedgerTestApp();
    categories = app.get(CategoriesService);
  });
  afterAll(() => app.close());

  /** Another replica of the service: same database, its own memory. */
  const replica = () => new LedgerAccountsService(app.get(TransactionRunner));

  it('gives a new user the thirteen starter categories', async () => {
    const user = newUserId();
    await replica().ensureOpened(user);

    const listed = await categories.list(user);

    expect(listed).toHaveLength(13);
    expect(listed.map(({ name, kind }) => ({ name, kind }))).toEqual(
      expect.arrayContaining([
        { name: 'Groceries', kind: 'expense' },
        { name: 'Income', kind: 'income' },
        { name: 'Transfers', kind: 'transfer' },
      ]),
    );
  });

  it('creates one set however many first requests arrive at once, across replicas', async () => {
    const user = newUserId();
    const [first, second] = [replica(), replica()];
    await Promise.all([first, second, first, second].map((accounts) => accounts.ensureOpened(user)));
    expect(await categories.list(user)).toHaveLength(STARTER_CATEGORIES.length);
  });

  it('does not bring back a starter category the user deleted', async () => {
    const user = newUserId();
    await replica().ensureOpened(user);
    const fees = (await categories.list(user)).find((category) => category.name === 'Fees');
    if (!fees) throw new Error('Fees is a starter category');
    await categories.delete(user, fees.id);

    await replica().ensureOpened(user);

    const names = (await categories.list(user)).map((category) => category.name);
    expect(names).toHaveLength(12);
    expect(names).not.toContain('Fees');
  });

  it('remembers opened ledgers, so later requests cost no database work', async () => {
    const user = newUserId();
    const runner = app.get(TransactionRunner);
    const accounts = new LedgerAccountsService(runner);
    const runs = jest.spyOn(runner, 'run');

    await accounts.ensureOpened(user);
    await accounts.ensureOpened(user);
    await accounts.ensureOpened(user);

    expect(runs).toHaveBeenCalledTimes(1);
    runs.mockRestore();
    expect(await app.dataSource.manager.countBy(CategoryEntity, { userId: user })).toBe(13);
  });
});
