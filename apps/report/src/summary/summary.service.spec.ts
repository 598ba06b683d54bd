import { DomainError, ErrorCode, SummaryView } from '@finstack/contracts';
import { FakeTransaction } from '../testing/fake-ledger';
import { refusedWith } from '../testing/refused-with';
import { createReportTestApp, newUserId, ReportTestApp } from '../testing/report-test-app';
import { SummaryService } from './summary.service';

const spend = (occurredOn: string, amount: string, extra: Partial<FakeTransaction> = {}): FakeTransaction => ({
  occurredOn,
  amount,
  currency: 'EUR',
  description: 'card payment',
  ...extra,
});

describe('SummaryService (with an in-memory ledger)', () => {
  let app: ReportTestApp;
  let summaries: SummaryService;

  beforeEach(async () => {
    app = await createReportTestApp('2025-06-15');
    summaries = app.get(SummaryService);
  });
  afterEach(() => app.close());

  const summary = (userId: string, query: Parameters<SummaryService['summary']>[2] = {}) =>
    summaries.summary(userId, 'req-1', query);

  describe('which currency', () => {
    it('uses the only currency of the period, reading the monthly totals once', async () => {
      const user = newUserId();
      app.ledger.add(user, spend('2025-03-02', '-10.00', { currency: 'GBP' }));
      const view = await summary(user, { from: '2025-01-01', to: '2025-03-31' });
      expect(view.currency).toBe('GBP');
      expect(view.totals).toEqual({ spent: '10.00', received: '0.00', net: '-10.00', count: 1 });
      expect(app.ledger.asked('month')).toHaveLength(1);
      expect(app.ledger.asked('category')[0]).toMatchObject({ userId: user, currency: 'GBP', from: '2025-01-01', to: '2025-03-31' });
      expect(app.ledger.asked('merchant')[0]).toMatchObject({ currency: 'GBP', requestId: 'req-1' });
    });

    it('refuses a period in several currencies, naming them and saying how to choose', async () => {
      const user = newUserId();
      app.ledger.add(user, spend('2025-03-02', '-10.00', { currency: 'USD' }), spend('2025-03-03', '-5.00'));
      const error = await refusedWith(summary(user), ErrorCode.VALIDATION_FAILED);
      expect(error.status).toBe(400);
      expect(error.message).toMatch(/2 currencies \(EUR, USD\); pass \?currency=/);
      expect(error.details).toEqual({ currencies: ['EUR', 'USD'] });
    });

    it('takes the currency asked for, leaving the others out', async () => {
      const user = newUserId();
      app.ledger.add(user, spend('2025-03-02', '-10.00', { currency: 'USD' }), spend('2025-03-03', '-5.00'));
      const view = await summary(user, { currency: 'USD' });
      expect(view).toMatchObject({ currency: 'USD', totals: { spent: '10.00', count: 1 } });
      expect(app.ledger.asked('month')).toEqual([expect.objectContaining({ currency: 'USD' })]);
    });

    it('gives an empty period no currency and a well-formed summary of zeros', async () => {
      const view = await summary(newUserId(), { from: '2025-01-01', to: '2025-03-31' });
      expect(view).toEqual<SummaryView>({
        from: '2025-01-01',
        to: '2025-03-31',
        currency: null,
        groupBy: 'month',
        rows: ['2025-01', '2025-02', '2025-03'].map((month) => ({
          key: month,
          label: month,
          spent: '0.00',
          received: '0.00',
          net: '0.00',
          count: 0,
        })),
        totals: { spent: '0.00', received: '0.00', net: '0.00', count: 0 },
        savingsRate: null,
        topCategories: [],
        topMerchants: [],
        monthOverMonth: ['2025-01', '2025-02', '2025-03'].map((month, index) => ({
          month,
          spent: '0.00',
          received: '0.00',
          net: '0.00',
          spentChange: index === 0 ? null : '0.00',
          receivedChange: index === 0 ? null : '0.00',
          netChange: index === 0 ? null : '0.00',
          spentChangeRatio: null,
        })),
      });
      expect(app.ledger.asked('category')).toHaveLength(0); // nothing more to read
    });
  });

  describe('by month', () => {
    it('covers the last twelve months by default, every month present and zero-filled', async () => {
      const user = newUserId();
      app.ledger.add(user, spend('2025-03-02', '-10.00'), spend('2024-06-30', '-99.00'));
      const view = await summary(user);
      expect([view.from, view.to]).toEqual(['2024-07-01', '2025-06-15']);
      expect(view.rows.map((row) => row.key)).toEqual([
        '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12',
        '2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06',
      ]);
      expect(view.rows.find((row) => row.key === '2025-03')).toMatchObject({ spent: '10.00', count: 1 });
      expect(view.rows.filter((row) => row.count === 0)).toHaveLength(11);
      expect(view.totals.spent).toBe('10.00'); // June 2024 is outside
    });

    it('works out the savings rate, month-over-month changes and refunds exactly', async () => {
      const user = newUserId();
      app.ledger.add(
        user,
        spend('2025-01-31', '3000.00', { description: 'Salary' }),
        spend('2025-01-05', '-400.10'),
        spend('2025-02-10', '-500.20'),
        spend('2025-02-11', '100.10', { description: 'Refund' }),
        spend('2025-03-01', '-0.30'),
      );
      const view = await summary(user, { from: '2025-01-01', to: '2025-04-30' });
      expect(view.totals).toEqual({ spent: '900.60', received: '3100.10', net: '2199.50', count: 5 });
      expect(view.savingsRate).toBe(0.7095); // 2199.50 / 3100.10 = 0.70949…
      expect(view.monthOverMonth).toEqual([
        { month: '2025-01', spent: '400.10', received: '3000.00', net: '2599.90', spentChange: null, receivedChange: null, netChange: null, spentChangeRatio: null },
        { month: '2025-02', spent: '500.20', received: '100.10', net: '-400.10', spentChange: '100.10', receivedChange: '-2899.90', netChange: '-3000.00', spentChangeRatio: 0.2502 },
        { month: '2025-03', spent: '0.30', received: '0.00', net: '-0.30', spentChange: '-499.90', receivedChange: '-100.10', netChange: '399.80', spentChangeRatio: -0.9994 },
        { month: '2025-04', spent: '0.00', received: '0.00', net: '0.00', spentChange: '-0.30', receivedChange: '0.00', netChange: '0.30', spentChangeRatio: -1 },
      ]);
    });

    it('has no savings rate when nothing was received, and a negative one when more went out than came in', async () => {
      const spender = newUserId();
      app.ledger.add(spender, spend('2025-03-02', '-10.00'));
      expect((await summary(spender)).savingsRate).toBeNull();
      const overspender = newUserId();
      app.ledger.add(overspender, spend('2025-03-02', '-30.00'), spend('2025-03-03', '20.00'));
      expect((await summary(overspender)).savingsRate).toBe(-0.5);
    });
  });

  describe('by category and merchant', () => {
    const categorised = (name: string, amount: string, merchant?: string): FakeTransaction =>
      spend('2025-05-01', amount, { categoryId: `id-${name}`, categoryName: name, merchant });

    it('sorts categories by spending then name, names the uncategorised, and keeps the top five spenders', async () => {
      const user = newUserId();
      app.ledger.add(
        user,
        categorised('Rent', '-1000.00'),
        categorised('Groceries', '-200.00'),
        categorised('Dining', '-50.00'),
        categorised('Books', '-50.00'),
        categorised('Travel', '-25.00'),
        categorised('Fees', '-1.00'),
        categorised('Salary', '2000.00'),
        spend('2025-05-02', '-74.00'),
      );
      const view = await summary(user, { groupBy: 'category' });
      expect(view.rows.map((row) => [row.label, row.spent])).toEqual([
        ['Rent', '1000.00'],
        ['Groceries', '200.00'],
        ['Uncategorised', '74.00'],
        ['Books', '50.00'],
        ['Dining', '50.00'],
        ['Travel', '25.00'],
        ['Fees', '1.00'],
        ['Salary', '0.00'],
      ]);
      expect(view.rows[2].key).toBeNull();
      expect(view.rows[0].key).toBe('id-Rent');
      expect(view.topCategories.map((top) => [top.label, top.share])).toEqual([
        ['Rent', 0.7143], // 1000 / 1400
        ['Groceries', 0.1429],
        ['Uncategorised', 0.0529],
        ['Books', 0.0357],
        ['Dining', 0.0357],
      ]);
      expect(view.topCategories[0]).toMatchObject({ key: 'id-Rent', spent: '1000.00', count: 1 });
    });

    it('keeps income-only groups out of the top spenders', async () => {
      const user = newUserId();
      app.ledger.add(user, categorised('Salary', '2000.00', 'Employer'), categorised('Rent', '-10.00', 'Landlord'));
      const view = await summary(user, { groupBy: 'merchant' });
      expect(view.topCategories.map((top) => top.label)).toEqual(['Rent']);
      expect(view.topMerchants).toEqual([{ key: 'landlord', label: 'Landlord', spent: '10.00', count: 1, share: 1 }]);
      expect(view.rows.map((row) => row.label)).toEqual(['Landlord', 'Employer']);
    });

    it('shows the top 100 merchants and sums the rest in "Other merchants", so the rows add up to the totals', async () => {
      const user = newUserId();
      for (let i = 1; i <= 105; i++) {
        app.ledger.add(user, spend('2025-05-03', `-${i}.00`, { merchant: `Shop ${String(i).padStart(3, '0')}` }));
      }
      app.ledger.add(user, spend('2025-05-04', '7.50', { merchant: 'Shop 001' }));
      const view = await summary(user, { groupBy: 'merchant' });
      expect(view.rows).toHaveLength(101);
      expect(view.rows[0]).toMatchObject({ label: 'Shop 105', spent: '105.00' });
      expect(view.rows[99]).toMatchObject({ label: 'Shop 006', spent: '6.00' });
      // Shops 1 to 5 spent 15.00 in 5 transactions; Shop 001 also had a refund of 7.50.
      expect(view.rows[100]).toEqual({ key: null, label: 'Other merchants', spent: '15.00', received: '7.50', net: '-7.50', count: 6 });
      expect(view.topMerchants.map((top) => top.label)).toEqual(['Shop 105', 'Shop 104', 'Shop 103', 'Shop 102', 'Shop 101']);
      expect(view.totals).toMatchObject({ spent: '5565.00', count: 106 });
    });

    it('shows merchants as the ledger labels them, and names the group without a recognisable one', async () => {
      const user = newUserId();
      app.ledger.add(user, spend('2025-05-03', '-3.00', { description: 'Corner Kiosk' }), spend('2025-05-04', '-1.00', { description: ' ' }));
      expect((await summary(user, { groupBy: 'merchant' })).rows).toEqual([
        { key: 'corner kiosk', label: 'Corner Kiosk', spent: '3.00', received: '0.00', net: '-3.00', count: 1 },
        { key: null, label: 'Unknown merchant', spent: '1.00', received: '0.00', net: '-1.00', count: 1 },
      ]);
    });
  });

  it('keeps each currency at its own scale', async () => {
    const user = newUserId();
    app.ledger.add(user, spend('2025-05-03', '-1500', { currency: 'JPY' }), spend('2025-05-04', '0.125', { currency: 'KWD' }));
    expect((await summary(user, { currency: 'JPY' })).totals).toEqual({ spent: '1500', received: '0', net: '-1500', count: 1 });
    expect((await summary(user, { currency: 'KWD' })).totals).toEqual({ spent: '0.000', received: '0.125', net: '0.125', count: 1 });
  });

  it('refuses a reversed period before asking the ledger anything', async () => {
    const error = await refusedWith(summary(newUserId(), { from: '2025-03-01', to: '2025-02-01' }), ErrorCode.VALIDATION_FAILED);
    expect(error.message).toMatch(/from \(2025-03-01\) must not be after to \(2025-02-01\)/);
    expect(app.ledger.received).toHaveLength(0);
  });

  it('passes on a ledger outage as it is', async () => {
    app.ledger.failure = new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'ledger is unavailable');
    await refusedWith(summary(newUserId()), ErrorCode.SERVICE_UNAVAILABLE);
  });

  it('writes the same summary as CSV, named after the period and currency', async () => {
    const user = newUserId();
    app.ledger.add(user, spend('2025-05-03', '-3.00', { merchant: '=SUM(A1:A9)' }));
    const { fileName, csv } = await summaries.csv(user, undefined, { from: '2025-05-01', to: '2025-05-31', groupBy: 'merchant' });
    expect(fileName).toBe('summary-by-merchant-2025-05-01-2025-05-31-EUR.csv');
    expect(csv).toBe(
      'key,label,currency,spent,received,net,count\r\n' +
        "'=sum(a1:a9),'=SUM(A1:A9),EUR,3.00,0.00,-3.00,1\r\n" +
        ',Total,EUR,3.00,0.00,-3.00,1\r\n',
    );
  });
});
