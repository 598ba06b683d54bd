import { AlertPage, HoldingsView, HoldingView, MAX_QUOTES_PER_BATCH, WatchView } from '@finstack/contracts';
import { atClose, backend, INGEST_KEY, PortfolioUser, usePortfolioStack } from './portfolio-test-helpers';

describe(`portfolio: other users' entries and bad input (${backend})`, () => {
  const portfolio = usePortfolioStack('pf_guard');
  let alice: PortfolioUser;
  let bob: PortfolioUser;
  let aliceHolding: HoldingView;
  let aliceWatch: WatchView;

  beforeAll(async () => {
    [alice, bob] = [await portfolio.newUser('alice'), await portfolio.newUser('bob')];
    await portfolio.quote({ ticker: 'ISO', price: '10.00', at: atClose('2025-03-03') });
    aliceHolding = (await alice.post<HoldingView>('/portfolio/holdings', { ticker: 'ISO', quantity: '7', averageCost: '9.99' })).body;
    aliceWatch = (await alice.post<WatchView>('/watchlist', { ticker: 'ISO', targetPrice: '11.00', direction: 'above', note: 'alice only' })).body;
    await portfolio.quote({ ticker: 'ISO', price: '11.50', at: atClose('2025-03-04') });
  });

  describe("another user's entries are not there for Bob", () => {
    it("answers 404 for Alice's holding, whatever Bob does with it", async () => {
      const path = `/portfolio/holdings/${aliceHolding.id}`;
      for (const response of [await bob.patch(path, { quantity: '1' }), await bob.delete(path)]) {
        expect(response.status).toBe(404);
        expect(response.body).toMatchObject({ code: 'HOLDING_NOT_FOUND' });
      }
      expect((await bob.get<HoldingsView>('/portfolio/holdings')).body).toEqual({ items: [], nextCursor: null, totals: [] });
      // Bob may hold the same ticker: holdings are per user.
      expect((await bob.post('/portfolio/holdings', { ticker: 'ISO', quantity: '1' })).status).toBe(201);
      expect((await alice.get<HoldingsView>('/portfolio/holdings')).body.items).toEqual([
        expect.objectContaining({ id: aliceHolding.id, quantity: '7', averageCost: '9.99' }),
      ]);
    });

    it("answers 404 for Alice's watchlist entry, and shows Bob none of her alerts", async () => {
      const path = `/watchlist/${aliceWatch.id}`;
      for (const response of [await bob.get(path), await bob.patch(path, { armed: true }), await bob.delete(path)]) {
        expect(response.status).toBe(404);
        expect(response.body).toMatchObject({ code: 'WATCH_NOT_FOUND' });
      }
      expect((await bob.get('/watchlist')).body).toEqual({ items: [], nextCursor: null });
      const bobsAlerts = await bob.get(`/watchlist/alerts?watchId=${aliceWatch.id}`);
      expect(bobsAlerts.body).toMatchObject({ statusCode: 404, code: 'WATCH_NOT_FOUND' });
      expect((await bob.get<AlertPage>('/watchlist/alerts')).body.items).toEqual([]);
      const alicesAlerts = await alice.get<AlertPage>('/watchlist/alerts');
      expect(alicesAlerts.body.items).toEqual([expect.objectContaining({ watchId: aliceWatch.id, price: '11.50' })]);
      expect((await alice.get<WatchView>(path)).body).toMatchObject({ note: 'alice only', armed: false });
    });

    it('requires a token for every portfolio route', async () => {
      const api = portfolio.api();
      for (const path of ['/api/v1/portfolio/holdings', '/api/v1/watchlist', '/api/v1/watchlist/alerts', '/api/v1/quotes/ISO']) {
        const response = await api.get(path);
        expect(response.status).toBe(401);
        expect(response.body).toMatchObject({ code: 'UNAUTHENTICATED' });
      }
    });
  });

  describe('bad input gets a clear 400, never a 500', () => {
    const expect400 = (response: { status: number; body: Record<string, unknown> }, message: RegExp) => {
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: expect.stringMatching(/^(VALIDATION_FAILED|MALFORMED_JSON)$/) });
      expect(String(response.body.message)).toMatch(message);
    };

    it.each([
      ['a company name for a ticker', { ticker: 'Apple Inc', quantity: '1' }, /ticker must be a stock symbol/],
      ['a ticker starting with a digit', { ticker: '1ABC', quantity: '1' }, /ticker must be a stock symbol/],
      ['a negative quantity', { ticker: 'ISO', quantity: '-1' }, /quantity must be a non-negative decimal string/],
      ['a float quantity', { ticker: 'ISO', quantity: 1.5 }, /quantity must be a non-negative decimal string/],
      ['an exponent', { ticker: 'ISO', quantity: '1e3' }, /quantity must be a non-negative decimal string/],
      ['seven decimals', { ticker: 'ISO', quantity: '0.0000001' }, /at most 6 decimals/],
      ['a zero average cost', { ticker: 'ISO', quantity: '1', averageCost: '0' }, /averageCost must be a positive decimal string/],
      ['someone else as owner', { ticker: 'ISO', quantity: '1', userId: '0190f5c2-7a3b-7c4d-8e5f-0123456789ab' }, /property userId should not exist/],
      ['allowUnknown as a word', { ticker: 'ISO', quantity: '1', allowUnknown: 'yes' }, /allowUnknown must be a boolean/],
    ])('refuses a holding with %s', async (_label, body, message) => {
      expect400(await bob.post('/portfolio/holdings', body), message);
    });

    it.each([
      ['an unknown direction', { ticker: 'ISO', targetPrice: '1', direction: 'sideways' }, /direction must be one of the following values: above, below/],
      ['no target', { ticker: 'ISO', direction: 'above' }, /targetPrice must be a positive decimal string/],
      ['a blank note', { ticker: 'ISO', targetPrice: '1', direction: 'above', note: '   ' }, /note/],
      ['a note of 501 characters', { ticker: 'ISO', targetPrice: '1', direction: 'above', note: 'x'.repeat(501) }, /note must be shorter than or equal to 500 characters/],
    ])('refuses a watchlist entry with %s', async (_label, body, message) => {
      expect400(await bob.post('/watchlist', body), message);
    });

    it('refuses bad changes, ids and queries by name', async () => {
      expect400(await alice.patch(`/watchlist/${aliceWatch.id}`, { armed: false }), /armed can only be set to true/);
      expect400(await alice.patch(`/portfolio/holdings/${aliceHolding.id}`, { ticker: 'OTHER' }), /property ticker should not exist/);
      expect400(await alice.patch('/portfolio/holdings/not-a-uuid', { quantity: '1' }), /id must be a UUID/);
      expect400(await alice.delete('/portfolio/holdings/42'), /id must be a UUID/);
      expect400(await alice.get('/watchlist/alerts?limit=0'), /limit must not be less than 1/);
      expect400(await alice.get('/watchlist/alerts?limit=201'), /limit must not be greater than 200/);
      expect400(await alice.get('/watchlist/alerts?watchId=nope'), /watchId must be a UUID/);
      expect400(await alice.get('/watchlist/123'), /id must be a UUID/);
      expect400(await alice.get('/quotes/1ABC'), /ticker must be a stock symbol/);
      expect400(await alice.get('/quotes/ABCDEFGHIJKLMN'), /ticker must be a stock symbol/);
      const malformed = await portfolio.api().post('/api/v1/portfolio/holdings', undefined, {
        token: alice.session.accessToken,
        rawBody: '{"ticker": "ISO",',
      });
      expect(malformed.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_JSON' });
    });

    it('refuses bad quotes, whole batches at a time, naming what is wrong', async () => {
      const post = (body: unknown) => portfolio.api().post('/api/v1/quotes', body, { headers: { 'x-api-key': INGEST_KEY } });
      const quote = { ticker: 'BAD', price: '1.00', at: atClose('2025-03-03') };
      expect400(await post([quote]), /expected a JSON object: send one quote \{ticker, price, at, currency\?\} or a batch \{quotes: \[\.\.\.\]\}/);
      expect400(await post({ price: '1.00' }), /no ticker and no quotes/);
      expect400(await post({ ...quote, price: 1 }), /price must be a positive decimal string/);
      expect400(await post({ ...quote, at: 'yesterday' }), /at must be an ISO 8601 timestamp/);
      expect400(await post({ ...quote, at: '2025-03-03' }), /at must name its time zone/);
      expect400(await post({ ...quote, at: '2025-03-03T20:00:00' }), /at must name its time zone/);
      expect400(await post({ ...quote, currency: 'usd' }), /currency must be an upper-case ISO 4217/);
      expect400(await post({ quotes: [] }), /quotes must contain at least 1 elements/);
      expect400(await post({ quotes: [quote, { ...quote, ticker: 'bad ticker' }] }), /ticker must be a stock symbol/);
      const tooMany = Array.from({ length: MAX_QUOTES_PER_BATCH + 1 }, (_, i) => ({ ...quote, at: `2025-03-03T20:00:${String(i % 60).padStart(2, '0')}Z` }));
      expect400(await post({ quotes: tooMany }), /quotes must hold at most 1000 items; split the batch/);
      // Nothing of the refused batches was stored.
      expect((await alice.get('/quotes/BAD')).status).toBe(404);
    });
  });

  describe('when the portfolio service is down', () => {
    it('answers 503 quickly, reports not ready, and recovers once it is back', async () => {
      await portfolio.stack().portfolio.kill();
      const began = Date.now();
      const down = await alice.get('/portfolio/holdings');
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
      expect(Date.now() - began).toBeLessThan(1000);
      const ready = await portfolio.api().get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ checks: { portfolio: 'down', ledger: 'up' } });

      await portfolio.stack().portfolio.start();
      expect((await alice.get<HoldingsView>('/portfolio/holdings')).body.items).toHaveLength(1);
      expect((await portfolio.api().get('/health/ready')).body).toMatchObject({ status: 'ok', checks: { portfolio: 'up' } });
    });
  });
});
