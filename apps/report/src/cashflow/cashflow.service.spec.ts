import { ErrorCode } from '@finstack/contracts';
import { DAYS_PER_MESSAGE } from '../ledger/ledger-aggregates';
import { FakeTransaction } from '../testing/fake-ledger';
import { refusedWith } from '../testing/refused-with';
import { createReportTestApp, newUserId, ReportTestApp } from '../testing/report-test-app';
import { CashflowService } from './cashflow.service';

const on = (occurredOn: string, amount: string, currency = 'EUR'): FakeTransaction => ({
  occurredOn,
  amount,
  currency,
  description: 'payment',
});

describe('CashflowService (with an in-memory ledger)', () => {
  let app: ReportTestApp;
  let cashflows: CashflowService;

  beforeEach(async () => {
    app = await createReportTestApp('2025-06-15');
    cashflows = app.get(CashflowService);
  });
  afterEach(() => app.close());

  const cashflow = (userId: string, query: Parameters<CashflowService['cashflow']>[2]) => cashflows.cashflow(userId, undefined, query);
  const compact = (points: { start: string; end: string; spent: string; received: string; count: number }[]) =>
    points.map(({ start, end, spent, received, count }) => `${start}..${end} out ${spent} in ${received} (${count})`);

  it('buckets days into ISO weeks from Monday across a year end, clipped to the period, empty weeks zero', async () => {
    const user = newUserId();
    app.ledger.add(
      user,
      on('2024-12-24', '-99.00'), // before the period
      on('2024-12-29', '-10.00'), // a Sunday: the first, clipped week
      on('2024-12-30', '-20.00'), // a Monday: the week of 1 January
      on('2025-01-01', '5.00'),
      on('2025-01-05', '-1.00'), // that week's Sunday
      on('2025-01-21', '-7.00'), // a Tuesday, in the last, clipped week
      on('2025-01-22', '-99.00'), // after the period
    );
    const view = await cashflow(user, { from: '2024-12-25', to: '2025-01-21', interval: 'week' });
    expect(view).toMatchObject({ from: '2024-12-25', to: '2025-01-21', currency: 'EUR', interval: 'week' });
    expect(compact(view.points)).toEqual([
      '2024-12-25..2024-12-29 out 10.00 in 0.00 (1)',
      '2024-12-30..2025-01-05 out 21.00 in 5.00 (3)',
      '2025-01-06..2025-01-12 out 0.00 in 0.00 (0)',
      '2025-01-13..2025-01-19 out 0.00 in 0.00 (0)',
      '2025-01-20..2025-01-21 out 7.00 in 0.00 (1)',
    ]);
    expect(view.points[1]).toMatchObject({ net: '-16.00' });
    expect(app.ledger.asked('day')).toEqual([expect.objectContaining({ from: '2024-12-25', to: '2025-01-21', currency: 'EUR' })]);
  });

  it('gives every day of a daily cash flow', async () => {
    const user = newUserId();
    app.ledger.add(user, on('2025-02-28', '-1.00'), on('2025-03-01', '2.00'));
    const view = await cashflow(user, { from: '2025-02-27', to: '2025-03-02', interval: 'day' });
    expect(compact(view.points)).toEqual([
      '2025-02-27..2025-02-27 out 0.00 in 0.00 (0)',
      '2025-02-28..2025-02-28 out 1.00 in 0.00 (1)',
      '2025-03-01..2025-03-01 out 0.00 in 2.00 (1)',
      '2025-03-02..2025-03-02 out 0.00 in 0.00 (0)',
    ]);
  });

  it('is monthly by default, clipping the first and last month, from the monthly totals', async () => {
    const user = newUserId();
    app.ledger.add(user, on('2025-01-20', '-4.00'), on('2025-03-10', '-6.00'), on('2025-03-11', '-50.00'));
    const view = await cashflow(user, { from: '2025-01-15', to: '2025-03-10' });
    expect(view.interval).toBe('month');
    expect(compact(view.points)).toEqual([
      '2025-01-15..2025-01-31 out 4.00 in 0.00 (1)',
      '2025-02-01..2025-02-28 out 0.00 in 0.00 (0)',
      '2025-03-01..2025-03-10 out 6.00 in 0.00 (1)',
    ]);
    expect(app.ledger.asked('day')).toHaveLength(0);
    expect(app.ledger.asked('month')).toHaveLength(1); // choosing the currency read them already
  });

  it('reads a long weekly cash flow from the daily totals in windows, missing no day', async () => {
    const user = newUserId();
    app.ledger.add(user, on('2000-01-03', '-1.00'), on('2005-06-24', '-2.00'), on('2005-06-25', '-3.00'), on('2019-12-29', '4.00'));
    const view = await cashflow(user, { from: '2000-01-03', to: '2019-12-29', interval: 'week', currency: 'EUR' });
    const windows = app.ledger.asked('day');
    expect(windows.length).toBeGreaterThan(1);
    expect(windows[0].from).toBe('2000-01-03');
    expect(windows[windows.length - 1].to).toBe('2019-12-29');
    // 2,000 days after 2000-01-03: the week of 20 June 2005 straddles two messages.
    expect(windows[1].from).toBe('2005-06-25');
    expect(DAYS_PER_MESSAGE).toBe(2_000);
    expect(view.points).toHaveLength(1043);
    expect(view.points.filter((point) => point.count > 0).map((point) => point.start)).toEqual([
      '2000-01-03',
      '2005-06-20',
      '2019-12-23',
    ]);
    expect(view.points[0]).toMatchObject({ spent: '1.00' });
    expect(view.points.find((point) => point.start === '2005-06-20')).toMatchObject({ spent: '5.00', count: 2 });
  });

  it('refuses more than 5,000 points before asking the ledger, saying what to change', async () => {
    const error = await refusedWith(
      cashflow(newUserId(), { from: '2000-01-01', to: '2014-01-01', interval: 'day' }),
      ErrorCode.VALIDATION_FAILED,
    );
    expect(error.message).toMatch(/daily cash flow from 2000-01-01 to 2014-01-01 would have 5115 points, at most 5000/);
    expect(error.message).toMatch(/shorter period or a longer interval/);
    expect(app.ledger.received).toHaveLength(0);
  });

  it('applies the same currency rule as the summary', async () => {
    const user = newUserId();
    app.ledger.add(user, on('2025-03-02', '-1.00', 'USD'), on('2025-03-02', '-1.00', 'EUR'));
    const error = await refusedWith(cashflow(user, { interval: 'week' }), ErrorCode.VALIDATION_FAILED);
    expect(error.message).toMatch(/EUR, USD/);
    const empty = await cashflow(newUserId(), { from: '2025-01-01', to: '2025-01-31', interval: 'week' });
    expect(empty.currency).toBeNull();
    expect(empty.points).toHaveLength(5);
    expect(empty.points.every((point) => point.count === 0 && point.spent === '0.00')).toBe(true);
  });
});
