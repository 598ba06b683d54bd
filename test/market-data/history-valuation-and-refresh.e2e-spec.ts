import { HoldingsView, StoredPricesView } from '@finstack/contracts';
import { ApiClient, backendFromEnv, FakeFinnhub, newSession, Session, sessionFor, Stack, startStack } from '@finstack/testing';
import { eventually } from './market-data-test-helpers';

const backend = backendFromEnv();
const OPERATOR_EMAIL = 'prices.operator@example.com';
const SYSTEM_KEY = 'system-finnhub-key-5eed0001';
const DAY_SECONDS = 86_400;

/** `days` daily bars ending yesterday (UTC midnight), closing at 100, 101, ... as Finnhub's candles would. */
function bars(days: number, firstClose = 100) {
  const today = Math.floor(Date.now() / 1000 / DAY_SECONDS) * DAY_SECONDS;
  return Array.from({ length: days }, (_, index) => {
    const close = firstClose + index;
    return { t: today - (days - index) * DAY_SECONDS, o: close, h: close + 1, l: close - 1, c: close, v: 1000 + index };
  });
}
const dayOf = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

/*
 * The operator's history refresh through a local server speaking Finnhub's
 * documented format (FakeFinnhub), and the wallet's fallback to the stored
 * history's last close until a live quote arrives.
 */
describe(`price history refresh and valuation without live quotes (${backend})`, () => {
  const finnhub = new FakeFinnhub();
  let stack: Stack;
  let api: ApiClient;
  let operator: Session;

  beforeAll(async () => {
    finnhub.keys.add(SYSTEM_KEY);
    await finnhub.start();
    stack = await startStack({
      backend,
      name: 'mkt_hist',
      gatewayEnv: { OPERATOR_EMAILS: OPERATOR_EMAIL },
      portfolioEnv: { MARKET_DATA_BASE_URL: finnhub.url, MARKET_DATA_API_KEY: SYSTEM_KEY, QUOTE_POLL_SECONDS: '1' },
    });
    api = new ApiClient(stack.baseUrl);
    operator = await sessionFor(api, OPERATOR_EMAIL);
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
    await finnhub.stop();
  });

  const refresh = (session: Session, ticker: string) =>
    api.post<StoredPricesView & { code: string; message: string; details?: { problems: { line: number; message: string }[] } }>(
      `/api/v1/market/prices/${ticker}/refresh`,
      undefined,
      { token: session.accessToken },
    );
  const wallet = (session: Session) => api.get<HoldingsView>('/api/v1/portfolio/holdings', { token: session.accessToken });

  it("stores a ticker's daily history from the provider for an operator, and refuses anyone else", async () => {
    const history = bars(30);
    finnhub.history.set('RFSH', history);

    const someone = await newSession(api, 'not-operator');
    const refused = await refresh(someone, 'RFSH');
    expect(refused.status).toBe(403);
    expect(finnhub.calls.filter((call) => call.symbol === 'RFSH')).toEqual([]);

    const stored = await refresh(operator, 'RFSH');
    expect(stored.status).toBe(200);
    expect(stored.body).toEqual({ ticker: 'RFSH', rows: 30, from: dayOf(history[0]!.t), to: dayOf(history[29]!.t) });
    const prices = await api.get<{ rows: number; prices: { date: string; close: number }[] }>('/api/v1/market/prices/RFSH', {
      token: operator.accessToken,
    });
    expect(prices.status).toBe(200);
    expect(prices.body.rows).toBe(30);
    expect(prices.body.prices.at(-1)).toMatchObject({ date: dayOf(history[29]!.t), close: 129 });
  });

  it("answers 422 naming the lines of the provider's bad data, and keeps the stored history", async () => {
    finnhub.history.set('BADP', bars(5));
    expect((await refresh(operator, 'BADP')).status).toBe(200);

    const broken = bars(6, 200);
    broken[3] = { ...broken[3]!, c: -4 };
    finnhub.history.set('BADP', broken);
    const refused = await refresh(operator, 'BADP');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('PRICE_HISTORY_INVALID');
    // Line 1 is the header, so the fourth bar is line 5.
    // The provider has no adjusted close, so its close fills both columns.
    expect(refused.body.details?.problems).toEqual([
      { line: 5, message: 'Close must be a positive number, got "-4"' },
      { line: 5, message: 'Adj Close must be a positive number, got "-4"' },
    ]);

    const kept = await api.get<{ rows: number }>('/api/v1/market/prices/BADP', { token: operator.accessToken });
    expect(kept.body.rows).toBe(5);
  });

  it('answers 422 when the provider has no history for the ticker', async () => {
    const missing = await refresh(operator, 'NOHIST');
    expect(missing.status).toBe(422);
    expect(missing.body.code).toBe('UNKNOWN_TICKER');
    expect(missing.body.message).toMatch(/no daily history for NOHIST/);
  });

  it('values a holding without a live quote at the last stored close, and a live quote takes over', async () => {
    const history = bars(10, 50);
    finnhub.history.set('FALL', history);
    expect((await refresh(operator, 'FALL')).status).toBe(200);

    const user = await newSession(api, 'history-wallet');
    // A stored history is enough to know the ticker: no allowUnknown needed.
    const added = await api.post('/api/v1/portfolio/holdings', { ticker: 'FALL', quantity: '3', averageCost: '40' }, { token: user.accessToken });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ priceSource: 'history', price: '59.00' });
    // A holding with neither quote nor history stays unpriced, and out of the totals.
    await api.post('/api/v1/portfolio/holdings', { ticker: 'NOPRICE', quantity: '1', allowUnknown: true }, { token: user.accessToken });

    const before = await wallet(user);
    expect(before.status).toBe(200);
    const [fall, unpriced] = before.body.items;
    expect(fall).toMatchObject({
      ticker: 'FALL',
      price: '59.00',
      priceSource: 'history',
      closeDate: dayOf(history[9]!.t),
      priceAt: null,
      currency: 'USD',
      marketValue: '177.00',
      costBasis: '120.00',
      unrealisedPnl: '57.00',
      dayChange: null,
    });
    expect(unpriced).toMatchObject({ ticker: 'NOPRICE', price: null, priceSource: null, closeDate: null, marketValue: null });
    expect(before.body.totals).toEqual([{ currency: 'USD', marketValue: '177.00', dayChange: '0.00', costBasis: '120.00', unrealisedPnl: '57.00' }]);

    // The provider starts quoting FALL: the system key's polling stores it, and the wallet follows.
    finnhub.setPrice('FALL', 61.5);
    const live = await eventually('the live quote in the wallet', async () => {
      const view = await wallet(user);
      const holding = view.body.items.find((item) => item.ticker === 'FALL');
      return holding?.priceSource === 'live' ? holding : undefined;
    });
    expect(live).toMatchObject({ price: '61.50', closeDate: null, marketValue: '184.50', unrealisedPnl: '64.50' });
    expect(live.priceAt).not.toBeNull();
  });
});
