import { PriceHistoryView, StoredPricesView, TickersView } from '@finstack/contracts';
import { backend, OPERATOR_EMAIL, sampleCsv, useRiskStack } from './var-test-helpers';

const HEADER = 'Date,Open,High,Low,Close,Adj Close,Volume';

describe(`market data: price histories in S3, uploaded by operators (${backend})`, () => {
  const risk = useRiskStack('var_market');

  it('stores an operator\'s CSV (dd/mm/yyyy dates) and serves it back by range, with ISO dates', async () => {
    const operator = await risk.operator();
    const stored = await operator.putCsv<StoredPricesView>('/market/prices/aapl', sampleCsv('AAPL'));
    expect(stored.status).toBe(200);
    expect(stored.body).toEqual({ ticker: 'AAPL', rows: 3775, from: '2005-02-22', to: '2020-02-20' });

    const user = await risk.newUser();
    expect((await user.get<TickersView>('/market/tickers')).body.items).toContain('AAPL');
    const range = await user.get<PriceHistoryView>('/market/prices/AAPL?from=2020-02-18&to=2020-02-19');
    expect(range.status).toBe(200);
    expect(range.body).toEqual({
      ticker: 'AAPL',
      from: '2020-02-18',
      to: '2020-02-19',
      rows: 2,
      prices: [
        { date: '2020-02-18', open: 315.359985, high: 319.75, low: 314.609985, close: 319, adjClose: 319 },
        { date: '2020-02-19', open: 320, high: 324.570007, low: 320, close: 323.619995, adjClose: 323.619995 },
      ],
    });
    const whole = await user.get<PriceHistoryView>('/market/prices/AAPL');
    expect(whole.body.rows).toBe(3775);
  });

  it('serves a replaced history at once (the cached series is revalidated by ETag)', async () => {
    const operator = await risk.operator();
    const first = `${HEADER}\n2024-01-02,10,11,9,10.5,10.5,100\n2024-01-03,10.5,12,10,11.5,11.5,120\n`;
    const second = `${HEADER}\n2024-01-02,20,21,19,20.5,20.5,100\n`;
    expect((await operator.putCsv('/market/prices/REPL', first)).status).toBe(200);
    expect((await operator.get<PriceHistoryView>('/market/prices/REPL')).body.rows).toBe(2);
    expect((await operator.putCsv('/market/prices/REPL', second)).status).toBe(200);
    const after = await operator.get<PriceHistoryView>('/market/prices/REPL');
    expect(after.body.prices).toEqual([{ date: '2024-01-02', open: 20, high: 21, low: 19, close: 20.5, adjClose: 20.5 }]);
  });

  it('refuses a bad CSV with 422 naming its lines, and keeps the stored history', async () => {
    const operator = await risk.operator();
    await risk.uploadPrices('KEEP', `${HEADER}\n2024-01-02,10,11,9,10.5,10.5,100\n`);
    const bad = [
      HEADER,
      '2024-01-03,10,11,9,10.5,10.5,100',
      '2024-01-02,10,11,9,10.5,10.5,100', // out of order
      '2024-01-04,10,,9,10.5,10.5,100', // empty High
      '2024-01-05,10,11,9,-1,10.5,100', // negative Close
    ].join('\n');
    const refused = await operator.putCsv<{ code: string; details: { problems: Array<{ line: number }> } }>('/market/prices/KEEP', bad);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('PRICE_HISTORY_INVALID');
    expect(refused.body.details.problems.map((p) => p.line)).toEqual(expect.arrayContaining([3, 4, 5]));
    const kept = await operator.get<PriceHistoryView>('/market/prices/KEEP');
    expect(kept.body.prices.map((p) => p.date)).toEqual(['2024-01-02']);
  });

  it('lets only operators upload: 401 without a token, 403 for a user, nothing stored', async () => {
    const user = await risk.newUser();
    const csv = `${HEADER}\n2024-01-02,10,11,9,10.5,10.5,100\n`;
    const anonymous = await risk.api().put('/api/v1/market/prices/NOPE', undefined, { rawBody: csv, headers: { 'content-type': 'text/csv' } });
    expect(anonymous.status).toBe(401);
    const forbidden = await user.putCsv('/market/prices/NOPE', csv);
    expect(forbidden.status).toBe(403);
    expect(user.session.email).not.toBe(OPERATOR_EMAIL);
    expect((await user.get<TickersView>('/market/tickers')).body.items).not.toContain('NOPE');
    expect((await user.get('/market/prices/NOPE')).status).toBe(404);
  });

  it('answers bad tickers, dates and bodies with clear 4xx', async () => {
    const operator = await risk.operator();
    const unknown = await operator.get<{ code: string; message: string }>('/market/prices/ZZZZ');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'PRICE_HISTORY_NOT_FOUND', message: expect.stringContaining('ZZZZ') });
    expect((await operator.get('/market/prices/not%20a%20ticker')).status).toBe(400);
    expect((await operator.get('/market/prices/AAPL?from=2020-13-01')).status).toBe(400);
    expect((await operator.putCsv('/market/prices/EMPTY', '')).status).toBe(422);
    const json = await risk.api().put('/api/v1/market/prices/JSON', { rows: [] }, { token: operator.session.accessToken });
    expect(json.status).toBe(400);
    const huge = await operator.putCsv('/market/prices/HUGE', `${HEADER}\n${'2024-01-02,10,11,9,10.5,10.5,100\n'.repeat(60_000)}`);
    expect(huge.status).toBe(413);
    expect((await operator.get<TickersView>('/market/tickers')).body.items).not.toEqual(expect.arrayContaining(['EMPTY', 'JSON', 'HUGE']));
  });
});
