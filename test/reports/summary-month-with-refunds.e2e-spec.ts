import { SummaryView } from '@finstack/contracts';
import { backend, ReportUser, useReportStack } from './report-test-helpers';

/**
 * Four months of one person's money: salaries, groceries, a gadget bought and
 * refunded, small amounts that floats would get wrong, an uncategorised
 * payment and an empty April.
 */
describe(`a summary by month, category and merchant, with a refund (${backend})`, () => {
  const { newUser } = useReportStack('rep_refunds');
  let user: ReportUser;
  const period = 'from=2025-01-01&to=2025-04-30';

  beforeAll(async () => {
    user = await newUser();
    await user.add(
      { occurredOn: '2025-01-05', amount: '-120.00', merchant: 'Fresh Market', category: 'Groceries' },
      { occurredOn: '2025-01-31', amount: '2500.00', merchant: 'ACME Corp', description: 'Salary', category: 'Income' },
      { occurredOn: '2025-02-03', amount: '-80.00', merchant: 'Fresh Market', category: 'Groceries' },
      { occurredOn: '2025-02-10', amount: '-200.00', merchant: 'Gadget Store', category: 'Shopping' },
      { occurredOn: '2025-02-20', amount: '200.00', merchant: 'Gadget Store', description: 'Refund', category: 'Shopping' },
      { occurredOn: '2025-02-28', amount: '2500.00', merchant: 'ACME Corp', description: 'Salary', category: 'Income' },
      { occurredOn: '2025-03-15', amount: '-0.10', merchant: 'Kiosk', category: 'Dining' },
      { occurredOn: '2025-03-15', amount: '-0.20', merchant: 'Kiosk', category: 'Dining' },
      { occurredOn: '2025-03-20', amount: '-15.00', description: 'Parking' },
    );
  });

  it('shows every month, April as zeros, with exact totals and savings rate', async () => {
    const { status, body } = await user.get<SummaryView>(`summary?${period}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ from: '2025-01-01', to: '2025-04-30', currency: 'EUR', groupBy: 'month' });
    expect(body.rows).toEqual([
      { key: '2025-01', label: '2025-01', spent: '120.00', received: '2500.00', net: '2380.00', count: 2 },
      { key: '2025-02', label: '2025-02', spent: '280.00', received: '2700.00', net: '2420.00', count: 4 },
      { key: '2025-03', label: '2025-03', spent: '15.30', received: '0.00', net: '-15.30', count: 3 },
      { key: '2025-04', label: '2025-04', spent: '0.00', received: '0.00', net: '0.00', count: 0 },
    ]);
    expect(body.totals).toEqual({ spent: '415.30', received: '5200.00', net: '4784.70', count: 9 });
    expect(body.savingsRate).toBe(0.9201); // 4784.70 / 5200
  });

  it('counts the refund as money received, not as less spending', async () => {
    const { body } = await user.get<SummaryView>(`summary?${period}&groupBy=category`);
    const shopping = body.rows.find((row) => row.label === 'Shopping');
    expect(shopping).toMatchObject({ spent: '200.00', received: '200.00', net: '0.00', count: 2 });
  });

  it('ranks categories by spending, naming the uncategorised, and lists the top spenders with their share', async () => {
    const { body } = await user.get<SummaryView>(`summary?${period}&groupBy=category`);
    expect(body.groupBy).toBe('category');
    expect(body.rows.map((row) => [row.label, row.spent, row.received])).toEqual([
      ['Groceries', '200.00', '0.00'],
      ['Shopping', '200.00', '200.00'],
      ['Uncategorised', '15.00', '0.00'],
      ['Dining', '0.30', '0.00'],
      ['Income', '0.00', '5000.00'],
    ]);
    expect(body.rows.find((row) => row.label === 'Uncategorised')?.key).toBeNull();
    expect(body.rows.find((row) => row.label === 'Dining')?.key).toBe(await user.categoryId('Dining'));
    // Income spent nothing, so it is not among the top spenders.
    expect(body.topCategories.map((top) => [top.label, top.spent, top.share])).toEqual([
      ['Groceries', '200.00', 0.4816],
      ['Shopping', '200.00', 0.4816],
      ['Uncategorised', '15.00', 0.0361],
      ['Dining', '0.30', 0.0007],
    ]);
    expect(body.totals).toEqual({ spent: '415.30', received: '5200.00', net: '4784.70', count: 9 });
  });

  it('groups by merchant, a payment without one under its description', async () => {
    const { body } = await user.get<SummaryView>(`summary?${period}&groupBy=merchant`);
    expect(body.rows.map((row) => [row.label, row.spent, row.received, row.count])).toEqual([
      ['Fresh Market', '200.00', '0.00', 2],
      ['Gadget Store', '200.00', '200.00', 2],
      ['Parking', '15.00', '0.00', 1],
      ['Kiosk', '0.30', '0.00', 2],
      ['Acme Corp', '0.00', '5000.00', 2],
    ]);
    expect(body.topMerchants.map((top) => top.label)).toEqual(['Fresh Market', 'Gadget Store', 'Parking', 'Kiosk']);
  });

  it('compares each month with the one before', async () => {
    const { body } = await user.get<SummaryView>(`summary?${period}`);
    expect(body.monthOverMonth.map((m) => [m.month, m.spent, m.spentChange, m.spentChangeRatio, m.netChange])).toEqual([
      ['2025-01', '120.00', null, null, null],
      ['2025-02', '280.00', '160.00', 1.3333, '40.00'],
      ['2025-03', '15.30', '-264.70', -0.9454, '-2435.30'],
      ['2025-04', '0.00', '-15.30', -1, '15.30'],
    ]);
  });
});
