import { QuotesIngested, QuoteView } from '@finstack/contracts';
import { newEs256PrivateKey, signEs256 } from '@finstack/testing';
import { atClose, backend, INGEST_KEY, OPERATOR_EMAIL, usePortfolioStack } from './portfolio-test-helpers';

describe(`quotes: late ones ignored, previous close, who may post (${backend})`, () => {
  const portfolio = usePortfolioStack('pf_quotes');
  const post = (body: unknown, options: { token?: string; headers?: Record<string, string> } = {}) =>
    portfolio.api().post<QuotesIngested>('/api/v1/quotes', body, options);

  describe('order and previous close', () => {
    it('ignores a quote older than the stored one, and keeps the stored price', async () => {
      const user = await portfolio.newUser();
      expect(await portfolio.quote({ ticker: 'ORD', price: '50.00', at: atClose('2025-02-04') })).toEqual({
        accepted: 1,
        ignored: 0,
        alertsTriggered: 0,
      });
      expect(await portfolio.quote({ ticker: 'ORD', price: '40.00', at: atClose('2025-02-03') })).toEqual({
        accepted: 0,
        ignored: 1,
        alertsTriggered: 0,
      });
      // The same instant again is not newer either.
      expect((await portfolio.quote({ ticker: 'ORD', price: '45.00', at: '2025-02-04T21:00:00+01:00' })).ignored).toBe(1);

      const stored = await user.get<QuoteView>('/quotes/ORD');
      expect(stored.status).toBe(200);
      expect(stored.body).toMatchObject({ ticker: 'ORD', price: '50.00', currency: 'USD', previousClose: null, change: null, changePct: null });
      expect(new Date(stored.body.at).toISOString()).toBe('2025-02-04T20:00:00.000Z');
    });

    it("sorts a batch by time, and measures the change from the previous day's last price", async () => {
      const user = await portfolio.newUser();
      const result = await portfolio.quote(
        { ticker: 'PREV', price: '12.00', at: '2025-02-05T15:00:00Z' },
        { ticker: 'PREV', price: '10.00', at: '2025-02-04T14:00:00Z' },
        { ticker: 'PREV', price: '8.00', at: '2025-02-04T20:00:00Z' },
        { ticker: 'PREV', price: '9.00', at: '2025-02-04T20:00:00Z' }, // same instant as the one before: ignored
      );
      expect(result).toEqual({ accepted: 3, ignored: 1, alertsTriggered: 0 });
      const first = await user.get<QuoteView>('/quotes/prev');
      expect(first.body).toMatchObject({ ticker: 'PREV', price: '12.00', previousClose: '8.00', change: '4.00' });
      expect(first.body.changePct).toBeCloseTo(0.5, 4);

      // A later quote the same day keeps the same previous close; the next day, today's last price becomes it.
      await portfolio.quote({ ticker: 'PREV', price: '11.00', at: '2025-02-05T20:00:00Z' });
      expect((await user.get<QuoteView>('/quotes/PREV')).body).toMatchObject({ price: '11.00', previousClose: '8.00', change: '3.00' });
      await portfolio.quote({ ticker: 'PREV', price: '9.90', at: atClose('2025-02-07') });
      const next = await user.get<QuoteView>('/quotes/PREV');
      expect(next.body).toMatchObject({ price: '9.90', previousClose: '11.00', change: '-1.10' });
      expect(next.body.changePct).toBeCloseTo(-0.1, 4);
    });

    it('answers 404 for a ticker without quotes', async () => {
      const user = await portfolio.newUser();
      const response = await user.get('/quotes/NOQUOTE');
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: 'QUOTE_NOT_FOUND' });
    });
  });

  describe('who may post quotes', () => {
    const quote = { ticker: 'ROLE', price: '1.00', at: atClose('2025-02-03') };

    it('refuses a plain user with 403, and nobody without credentials with 401', async () => {
      const user = await portfolio.newUser();
      const asUser = await post(quote, { token: user.session.accessToken });
      expect(asUser.status).toBe(403);
      expect(asUser.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
      const anonymous = await post(quote);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect((await user.get('/quotes/ROLE')).status).toBe(404);
    });

    it('refuses a wrong API key with 403, and a token forged for the operator with 401', async () => {
      const wrongKey = await post(quote, { headers: { 'x-api-key': `${INGEST_KEY}x` } });
      expect(wrongKey.status).toBe(403);
      expect(wrongKey.body).toMatchObject({ code: 'FORBIDDEN' });
      const now = Math.floor(Date.now() / 1000);
      const forged = signEs256(
        { sub: '0190f5c2-7a3b-7c4d-8e5f-0123456789ab', email: OPERATOR_EMAIL, iss: 'finstack', aud: 'finstack-api', iat: now, exp: now + 600 },
        newEs256PrivateKey(),
      );
      expect((await post(quote, { token: forged })).status).toBe(401);
    });

    it('takes quotes from the ingest key, single or batched', async () => {
      const single = await post(quote, { headers: { 'x-api-key': INGEST_KEY } });
      expect(single.status).toBe(200);
      expect(single.body).toEqual({ accepted: 1, ignored: 0, alertsTriggered: 0 });
      const batch = await post(
        { quotes: [{ ...quote, at: atClose('2025-02-04'), price: '1.10' }, { ticker: 'ROLE2', price: '7', at: atClose('2025-02-04'), currency: 'EUR' }] },
        { headers: { 'x-api-key': INGEST_KEY } },
      );
      expect(batch.body).toEqual({ accepted: 2, ignored: 0, alertsTriggered: 0 });
      const user = await portfolio.newUser();
      expect((await user.get<QuoteView>('/quotes/ROLE2')).body).toMatchObject({ price: '7.00', currency: 'EUR' });
    });

    it('takes quotes from the operator that OPERATOR_EMAILS names (in any case)', async () => {
      const operator = await portfolio.operator();
      const response = await operator.post<QuotesIngested>('/quotes', { ...quote, at: atClose('2025-02-05'), price: '1.25' });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ accepted: 1, ignored: 0, alertsTriggered: 0 });
      expect((await operator.get<QuoteView>('/quotes/ROLE')).body).toMatchObject({ price: '1.25', previousClose: '1.10' });
    });

    it('documents the routes and both body shapes in the OpenAPI document', async () => {
      const docs = await portfolio.api().get<{ paths: Record<string, Record<string, { requestBody?: unknown }>> }>('/docs-json');
      expect(Object.keys(docs.body.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/portfolio/holdings',
          '/api/v1/portfolio/holdings/{id}',
          '/api/v1/watchlist',
          '/api/v1/watchlist/alerts',
          '/api/v1/watchlist/{id}',
          '/api/v1/quotes',
          '/api/v1/quotes/{ticker}',
        ]),
      );
      expect(JSON.stringify(docs.body.paths['/api/v1/quotes'].post.requestBody)).toMatch(/oneOf.*QuoteInput.*IngestQuotesBody/);
    });

    it('reports the portfolio service among the services /health/ready checks', async () => {
      const ready = await portfolio.api().get('/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({ status: 'ok', checks: { portfolio: 'up' } });
    });
  });
});
