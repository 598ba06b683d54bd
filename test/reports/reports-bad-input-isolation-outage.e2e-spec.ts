import { CashflowView, SummaryView } from '@finstack/contracts';
import { backend, ReportUser, useReportStack } from './report-test-helpers';

describe(`reports (${backend})`, () => {
  const { newUser, api, stack } = useReportStack('rep_guard');
  let alice: ReportUser;
  let bob: ReportUser;

  beforeAll(async () => {
    [alice, bob] = [await newUser('alice'), await newUser('bob')];
    await alice.add(
      { occurredOn: '2025-04-02', amount: '-111.11', merchant: 'Alice Secret Shop', category: 'Alice Private' },
      { occurredOn: '2025-04-03', amount: '999.99', merchant: 'Alice Employer' },
    );
    await bob.add({ occurredOn: '2025-04-05', amount: '-2.00', merchant: 'Bakery', category: 'Groceries' });
  });

  describe('bad input gets a clear 400, never a 500', () => {
    it.each([
      ['an impossible date', 'summary?from=2025-02-30', /from must be a real date/],
      ['a date-time', 'summary?to=2025-02-03T10:00:00Z', /to must be a real date/],
      ['a start after the end', 'summary?from=2025-03-01&to=2025-02-01', /from \(2025-03-01\) must not be after to \(2025-02-01\)/],
      ['an unknown grouping', 'summary?groupBy=week', /groupBy must be one of the following values: month, category, merchant/],
      ['a lower-case currency', 'summary?currency=eur', /currency must be an upper-case ISO 4217 currency code/],
      ['an unknown parameter', 'summary?userId=00000000-0000-4000-8000-000000000000', /property userId should not exist/],
      ['more than 50 years', 'summary?from=1950-01-01&to=2025-01-01', /at most 50 years .* spans 901 months/],
      ['a repeated parameter', 'summary?from=2025-01-01&from=2025-02-01', /from must be a real date/],
      ['an unknown interval', 'cashflow?interval=year', /interval must be one of the following values: day, week, month/],
      ['a start after the end of a cash flow', 'cashflow?from=2025-03-01&to=2025-02-01', /must not be after/],
      ['too many points', 'cashflow?from=1990-01-01&to=2025-01-01&interval=day', /at most 5000/],
      ['a CSV of a bad period', 'summary.csv?from=2025-13-01', /from must be a real date/],
    ])('refuses %s', async (_label, path, message) => {
      const response = await alice.get(path);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(String(response.body.message)).toMatch(message);
    });

    it('asks which currency when the period holds several, and lists them', async () => {
      const user = await newUser();
      await user.add({ occurredOn: '2025-04-01', amount: '-1.00', currency: 'USD' }, { occurredOn: '2025-04-02', amount: '-1.00' });
      for (const path of ['summary?from=2025-04-01&to=2025-04-30', 'summary.csv?from=2025-04-01&to=2025-04-30', 'cashflow?from=2025-04-01&to=2025-04-30']) {
        const response = await user.get(path);
        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { currencies: ['EUR', 'USD'] } });
        expect(String(response.body.message)).toMatch(/2 currencies \(EUR, USD\); pass \?currency=/);
      }
      expect((await user.get('summary?from=2025-04-01&to=2025-04-30&currency=USD')).status).toBe(200);
    });

    it('refuses bad score bodies by field', async () => {
      const token = alice.session.accessToken;
      const post = (body: unknown) => api().post('/api/v1/reports/score', body, { token });
      const cases: Array<[unknown, RegExp]> = [
        [{}, /^transactions must be an array$/],
        [[], /^expected a JSON object$/],
        [{ transactions: 'all of them' }, /^transactions must be an array$/],
        [{ transactions: [], userId: 'someone' }, /property userId should not exist/],
        [{ transactions: [{ amount: 1.5, currency: 'EUR' }] }, /transactions\.0\.amount must be a decimal string/],
        [{ transactions: [{ amount: '1e3', currency: 'EUR' }] }, /transactions\.0\.amount must be a decimal string/],
        [{ transactions: [{ amount: '1.00', currency: 'XYZ' }] }, /transactions\.0\.currency must be an upper-case ISO 4217/],
        [{ transactions: [{ amount: '1.00', currency: 'EUR', id: 'x' }] }, /property transactions\.0\.id should not exist/],
        [{ transactions: [{ amount: '1.00', currency: 'EUR', occurredOn: '2025-02-30' }] }, /transactions\.0\.occurredOn must be a real date/],
        [{ transactions: [null] }, /transactions\.0 must be an object with amount and currency/],
      ];
      for (const [body, message] of cases) {
        const response = await post(body);
        expect(response.status).toBe(400);
        expect(response.body.code).toBe('VALIDATION_FAILED');
        expect(String(response.body.message)).toMatch(message);
      }
      const malformed = await api().post('/api/v1/reports/score', undefined, { token, rawBody: '{"transactions": [' });
      expect(malformed.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_JSON' });
    });
  });

  describe("another user's data never appears", () => {
    it('shows Bob only his own money in every report', async () => {
      const period = 'from=2025-04-01&to=2025-04-30';
      const responses = await Promise.all([
        bob.get<SummaryView>(`summary?${period}`),
        bob.get<SummaryView>(`summary?${period}&groupBy=category`),
        bob.get<SummaryView>(`summary?${period}&groupBy=merchant`),
        bob.get(`summary.csv?${period}&groupBy=merchant`),
        bob.get<CashflowView>(`cashflow?${period}&interval=day`),
      ]);
      for (const response of responses) {
        expect(response.status).toBe(200);
        expect(JSON.stringify(response.body)).not.toMatch(/Alice|111\.11|999\.99/i);
      }
      expect((responses[0].body as SummaryView).totals).toEqual({ spent: '2.00', received: '0.00', net: '-2.00', count: 1 });
      expect((responses[4].body as CashflowView).points.reduce((sum, point) => sum + point.count, 0)).toBe(1);
    });

    it('shows Alice hers', async () => {
      const { body } = await alice.get<SummaryView>('summary?from=2025-04-01&to=2025-04-30&groupBy=category');
      expect(body.totals).toEqual({ spent: '111.11', received: '999.99', net: '888.88', count: 2 });
      expect(body.topCategories.map((top) => top.label)).toEqual(['Alice Private']);
    });
  });

  describe('when the report service is down', () => {
    it('answers 503 quickly, reports not ready, and recovers once it is back', async () => {
      await stack().report.kill();
      const began = Date.now();
      const down = await bob.get('summary');
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
      expect(Date.now() - began).toBeLessThan(1000);
      const ready = await api().get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ checks: { report: 'down', ledger: 'up' } });

      await stack().report.start();
      expect((await bob.get('summary?from=2025-04-01&to=2025-04-30')).status).toBe(200);
      expect((await api().get('/health/ready')).body).toMatchObject({ status: 'ok', checks: { report: 'up' } });
    });
  });
});
