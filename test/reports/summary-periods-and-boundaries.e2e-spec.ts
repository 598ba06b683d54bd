import { CashflowView, SummaryView } from '@finstack/contracts';
import { backend, useReportStack } from './report-test-helpers';

const todayUtc = () => new Date().toISOString().slice(0, 10);

describe(`which days a summary covers (${backend})`, () => {
  const { newUser } = useReportStack('rep_periods');

  describe('a month ends at midnight UTC', () => {
    it('puts a transaction of 31 January in January, and a period from 1 February leaves it out', async () => {
      const user = await newUser();
      await user.add(
        { occurredOn: '2025-01-31', amount: '-50.00', description: 'Late January' },
        { occurredOn: '2025-02-01', amount: '-7.00', description: 'Early February' },
      );
      const both = await user.get<SummaryView>('summary?from=2025-01-01&to=2025-02-28');
      expect(both.body.rows.map((row) => [row.key, row.spent])).toEqual([
        ['2025-01', '50.00'],
        ['2025-02', '7.00'],
      ]);
      const february = await user.get<SummaryView>('summary?from=2025-02-01&to=2025-02-28');
      expect(february.body.totals).toEqual({ spent: '7.00', received: '0.00', net: '-7.00', count: 1 });
      const january = await user.get<SummaryView>('summary?from=2025-01-31&to=2025-01-31');
      expect(january.body.totals).toMatchObject({ spent: '50.00', count: 1 });
      const days = await user.get<CashflowView>('cashflow?from=2025-01-31&to=2025-02-01&interval=day');
      expect(days.body.points.map((point) => [point.start, point.spent])).toEqual([
        ['2025-01-31', '50.00'],
        ['2025-02-01', '7.00'],
      ]);
    });
  });

  describe('an empty period', () => {
    it('answers a well-formed summary of zeros, with no currency and every month present', async () => {
      const user = await newUser();
      const { status, body } = await user.get<SummaryView>('summary?from=2024-11-15&to=2025-02-10');
      expect(status).toBe(200);
      expect(body).toMatchObject({ from: '2024-11-15', to: '2025-02-10', currency: null, savingsRate: null, topCategories: [], topMerchants: [] });
      expect(body.rows.map((row) => row.key)).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
      expect(body.rows.every((row) => row.count === 0 && row.spent === '0.00' && row.net === '0.00')).toBe(true);
      expect(body.totals).toEqual({ spent: '0.00', received: '0.00', net: '0.00', count: 0 });
      expect(body.monthOverMonth).toHaveLength(4);
      expect(body.monthOverMonth[0].spentChange).toBeNull();
      expect(body.monthOverMonth[1]).toMatchObject({ spentChange: '0.00', spentChangeRatio: null });
    });

    it('keeps a currency that was asked for, even with nothing in it', async () => {
      const user = await newUser();
      await user.add({ occurredOn: '2025-01-10', amount: '-5.00', currency: 'USD' });
      const { body } = await user.get<SummaryView>('summary?from=2025-01-01&to=2025-01-31&currency=JPY');
      expect(body).toMatchObject({ currency: 'JPY', totals: { spent: '0', received: '0', net: '0', count: 0 } });
    });
  });

  describe('the default period', () => {
    it('is this month and the eleven before it, up to today', async () => {
      const user = await newUser();
      const today = todayUtc();
      await user.add({ occurredOn: today, amount: '-3.00', description: 'Today' });
      const { body } = await user.get<SummaryView>('summary');
      expect(body.to).toBe(today);
      expect(body.from).toMatch(/^\d{4}-\d{2}-01$/);
      expect(body.rows).toHaveLength(12);
      expect(body.rows[11]).toMatchObject({ key: today.slice(0, 7), spent: '3.00' });
      expect(body.currency).toBe('EUR');
    });
  });

  describe('several currencies', () => {
    it('asks which one, then reports it alone at its own scale', async () => {
      const user = await newUser();
      await user.add(
        { occurredOn: '2025-03-01', amount: '-1500', currency: 'JPY' },
        { occurredOn: '2025-03-02', amount: '-0.125', currency: 'KWD' },
        { occurredOn: '2025-03-03', amount: '10.000', currency: 'KWD' },
      );
      const unclear = await user.get('summary?from=2025-03-01&to=2025-03-31');
      expect(unclear.status).toBe(400);
      expect(unclear.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { currencies: ['JPY', 'KWD'] } });
      expect(String(unclear.body.message)).toMatch(/JPY, KWD.*\?currency=/);
      const yen = await user.get<SummaryView>('summary?from=2025-03-01&to=2025-03-31&currency=JPY');
      expect(yen.body.totals).toEqual({ spent: '1500', received: '0', net: '-1500', count: 1 });
      const dinar = await user.get<SummaryView>('summary?from=2025-03-01&to=2025-03-31&currency=KWD');
      expect(dinar.body.totals).toEqual({ spent: '0.125', received: '10.000', net: '9.875', count: 2 });
      expect(dinar.body.savingsRate).toBe(0.9875);
    });
  });
});
