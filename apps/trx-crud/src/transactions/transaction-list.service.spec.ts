import { CreateTransactionBody, ErrorCode, ImportOptions, ListTransactionsQuery, TransactionView } from '@finstack/contracts';
import { CategoriesService } from '../categories/categories.service';
import { ImportsService } from '../imports/imports.service';
import { expectDomainError } from '../testing/expect-domain-error';
import { createLedgerTestApp, LedgerTestApp, newUserId } from '../testing/ledger-test-app';
import { TransactionListService } from './transaction-list.service';
import { TransactionsService } from './transactions.service';

describe('TransactionListService', () => {
  let app: LedgerTestApp;
  let transactions: TransactionsService;
  let transactionList: TransactionListService;
  let user: string;

  beforeAll(async () => {
    app = await createLedgerTestApp();
    transactions = app.get(TransactionsService);
    transactionList = app.get(TransactionListService);
  });
  afterAll(() => app.close());
  beforeEach(() => {
    user = newUserId();
  });

  const add = async (fields: Partial<CreateTransactionBody> = {}): Promise<TransactionView> =>
    (
      await transactions.create(user, {
        occurredOn: '2025-03-14',
        amount: '-1.00',
        currency: 'USD',
        description: 'Something',
        ...fields,
      })
    ).transaction;

  const list = (query: ListTransactionsQuery = {}) => transactionList.list(user, query);
  const descriptionsOf = async (query: ListTransactionsQuery) =>
    (await list(query)).items.map((item) => item.description).sort();

  /** Follows nextCursor to the end and returns every page. */
  async function allPages(query: ListTransactionsQuery): Promise<TransactionView[][]> {
    const pages: TransactionView[][] = [];
    let cursor: string | undefined;
    do {
      const page = await list({ ...query, cursor });
      pages.push(page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return pages;
  }

  describe('pages', () => {
    it('never repeat or skip a transaction when many share a date', async () => {
      const days = ['2025-01-31', '2025-02-01', '2025-02-01', '2025-02-01', '2025-02-01', '2025-02-01', '2025-03-01'];
      const created: TransactionView[] = [];
      for (const [index, occurredOn] of [...days, ...days, ...days].entries()) {
        created.push(await add({ occurredOn, description: `t${index}` }));
      }
      const expectedOrder = [...created]
        .sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.id.localeCompare(a.id))
        .map((t) => t.id);

      const pages = await allPages({ limit: 4 });

      expect(pages.map((page) => page.length)).toEqual([4, 4, 4, 4, 4, 1]);
      expect(pages.flat().map((t) => t.id)).toEqual(expectedOrder);
    });

    it('end without a cursor when the last page is exactly full', async () => {
      for (let index = 0; index < 4; index += 1) await add();
      const first = await list({ limit: 2 });
      const second = await list({ limit: 2, cursor: first.nextCursor ?? undefined });
      expect(first.nextCursor).not.toBeNull();
      expect(second.items).toHaveLength(2);
      expect(second.nextCursor).toBeNull();
    });

    it('hold 50 transactions unless a limit is given', async () => {
      for (let index = 0; index < 51; index += 1) await add();
      const page = await list();
      expect(page.items).toHaveLength(50);
      expect(page.nextCursor).not.toBeNull();
    });

    it('refuse a cursor this list did not hand out', async () => {
      await add();
      for (const cursor of ['bm9uc2Vuc2U', Buffer.from('2025-02-30|not-a-uuid').toString('base64url'), 'x']) {
        await expectDomainError(list({ cursor }), ErrorCode.VALIDATION_FAILED);
      }
    });

    it('show nobody else’s transactions', async () => {
      await transactions.create(newUserId(), {
        occurredOn: '2025-03-14',
        amount: '-1.00',
        currency: 'USD',
        description: 'theirs',
      });
      await add({ description: 'mine' });
      expect((await list()).items.map((t) => t.description)).toEqual(['mine']);
    });
  });

  describe('filters', () => {
    it('include both ends of a date range, and refuse from after to', async () => {
      await add({ occurredOn: '2025-01-31', description: 'before' });
      await add({ occurredOn: '2025-02-01', description: 'first day' });
      await add({ occurredOn: '2025-02-28', description: 'last day' });
      await add({ occurredOn: '2025-03-01', description: 'after' });
      expect(await descriptionsOf({ from: '2025-02-01', to: '2025-02-28' })).toEqual(['first day', 'last day']);
      await expectDomainError(list({ from: '2025-03-01', to: '2025-02-01' }), ErrorCode.VALIDATION_FAILED);
    });

    it('compare amounts exactly in each transaction’s own currency', async () => {
      await add({ amount: '-10.00', currency: 'USD', description: 'USD -10.00' });
      await add({ amount: '-10.01', currency: 'USD', description: 'USD -10.01' });
      await add({ amount: '-10', currency: 'JPY', description: 'JPY -10' });
      await add({ amount: '-11', currency: 'JPY', description: 'JPY -11' });
      await add({ amount: '-10.005', currency: 'KWD', description: 'KWD -10.005' });
      await add({ amount: '-10.006', currency: 'KWD', description: 'KWD -10.006' });

      expect(await descriptionsOf({ minAmount: '-10.005' })).toEqual(['JPY -10', 'KWD -10.005', 'USD -10.00']);
      expect(await descriptionsOf({ maxAmount: '-10.005' })).toEqual(['JPY -11', 'KWD -10.005', 'KWD -10.006', 'USD -10.01']);
      expect(await descriptionsOf({ minAmount: '-10.0055', maxAmount: '-10.0001' })).toEqual(['KWD -10.005']);
      expect(await descriptionsOf({ minAmount: '-10.5', maxAmount: '-10.4' })).toEqual([]);
      await expectDomainError(list({ minAmount: '1', maxAmount: '0.5' }), ErrorCode.VALIDATION_FAILED);
    });

    it('find text in description or merchant without regard to case, taking % and _ literally', async () => {
      await add({ description: 'Coffee at Blue Bottle' });
      await add({ description: 'Lunch', merchant: 'BLUE plate' });
      await add({ description: 'Save 100% now' });
      await add({ description: 'Save 100 euros' });
      await add({ description: 'file_name' });
      await add({ description: 'filename' });
      expect(await descriptionsOf({ q: 'blue' })).toEqual(['Coffee at Blue Bottle', 'Lunch']);
      expect(await descriptionsOf({ q: '100%' })).toEqual(['Save 100% now']);
      expect(await descriptionsOf({ q: 'e_n' })).toEqual(['file_name']);
    });

    it('select one category, or transactions without one', async () => {
      const categories = app.get(CategoriesService);
      const dining = await categories.create(user, { name: 'Dining', kind: 'expense' });
      await add({ description: 'dinner', categoryId: dining.id });
      await add({ description: 'unsorted' });
      expect(await descriptionsOf({ categoryId: dining.id })).toEqual(['dinner']);
      expect(await descriptionsOf({ uncategorized: true })).toEqual(['unsorted']);
      await expectDomainError(list({ categoryId: dining.id, uncategorized: true }), ErrorCode.VALIDATION_FAILED);
      const theirs = await categories.create(newUserId(), { name: 'Dining', kind: 'expense' });
      await expectDomainError(list({ categoryId: theirs.id }), ErrorCode.CATEGORY_NOT_FOUND);
    });
  
    it('select one import’s transactions, page by page', async () => {
      await add({ description: 'by hand' });
      const imports = app.get(ImportsService);
      const options = Object.assign(new ImportOptions(), { amountColumn: 'amount', currency: 'USD' });
      const { importId } = await imports.begin(user, options);
      const rows = ['2025-03-01,-1,a', '2025-03-02,-1,b', '2025-03-02,-1,c', '2025-03-03,-1,d', '2025-03-04,-1,e'];
      await imports.append(user, importId, 0, ['date,amount,description', ...rows, ''].join('\n'));
      await imports.finish(user, importId);

      const pages = await allPages({ importId, limit: 2 });

      // b and c share a day: newest id first, and ids grow in file order.
      expect(pages.map((page) => page.map((t) => t.description))).toEqual([['e', 'd'], ['c', 'b'], ['a']]);
      expect(await descriptionsOf({ importId: newUserId() })).toEqual([]);
    });
  });
});
