import { CashflowView } from '@finstack/contracts';
import { backend, ReportUser, useReportStack } from './report-test-helpers';

const compact = (view: CashflowView) => view.points.map((p) => `${p.start}..${p.end} out ${p.spent} in ${p.received} (${p.count})`);

describe(`cash flow (${backend})`, () => {
  const { newUser } = useReportStack('rep_cashflow');
  let user: ReportUser;

  beforeAll(async () => {
    user = await newUser();
    await user.add(
      { occurredOn: '2024-12-20', amount: '-99.00', description: 'Before the period' },
      { occurredOn: '2024-12-29', amount: '-10.00', description: 'A Sunday' },
      { occurredOn: '2024-12-30', amount: '-20.00', description: 'The Monday of the week of New Year' },
      { occurredOn: '2025-01-01', amount: '5.25', description: 'New Year gift' },
      { occurredOn: '2025-01-05', amount: '-1.00', description: 'That week’s Sunday' },
      { occurredOn: '2025-01-21', amount: '-7.00', description: 'A Tuesday' },
      { occurredOn: '2025-01-22', amount: '-99.00', description: 'After the period' },
    );
  });

  it('runs ISO weeks from Monday across the year end, clipped to the period, empty weeks as zeros', async () => {
    const { status, body } = await user.get<CashflowView>('cashflow?from=2024-12-25&to=2025-01-21&interval=week');
    expect(status).toBe(200);
    expect(body).toMatchObject({ from: '2024-12-25', to: '2025-01-21', currency: 'EUR', interval: 'week' });
    expect(compact(body)).toEqual([
      '2024-12-25..2024-12-29 out 10.00 in 0.00 (1)',
      '2024-12-30..2025-01-05 out 21.00 in 5.25 (3)',
      '2025-01-06..2025-01-12 out 0.00 in 0.00 (0)',
      '2025-01-13..2025-01-19 out 0.00 in 0.00 (0)',
      '2025-01-20..2025-01-21 out 7.00 in 0.00 (1)',
    ]);
    expect(body.points[1].net).toBe('-15.75');
  });

  it('is monthly by default, the first and last month clipped', async () => {
    const { body } = await user.get<CashflowView>('cashflow?from=2024-12-25&to=2025-02-10');
    expect(body.interval).toBe('month');
    expect(compact(body)).toEqual([
      '2024-12-25..2024-12-31 out 30.00 in 0.00 (2)',
      '2025-01-01..2025-01-31 out 107.00 in 5.25 (4)',
      '2025-02-01..2025-02-10 out 0.00 in 0.00 (0)',
    ]);
  });

  it('gives every day of a daily cash flow', async () => {
    const { body } = await user.get<CashflowView>('cashflow?from=2024-12-31&to=2025-01-02&interval=day');
    expect(compact(body)).toEqual([
      '2024-12-31..2024-12-31 out 0.00 in 0.00 (0)',
      '2025-01-01..2025-01-01 out 0.00 in 5.25 (1)',
      '2025-01-02..2025-01-02 out 0.00 in 0.00 (0)',
    ]);
  });

  it('refuses more than 5,000 points, saying what to change', async () => {
    const response = await user.get('cashflow?from=2000-01-01&to=2014-01-01&interval=day');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(String(response.body.message)).toMatch(/5115 points, at most 5000 .*shorter period or a longer interval/);
  });

  it('reads 50 years of weeks', async () => {
    const { status, body } = await user.get<CashflowView>('cashflow?from=1975-01-01&to=2024-12-31&interval=week');
    expect(status).toBe(200);
    expect(body.points).toHaveLength(2610);
    expect(body.points.filter((point) => point.count > 0).map((point) => point.start)).toEqual(['2024-12-16', '2024-12-23', '2024-12-30']);
  });
});
