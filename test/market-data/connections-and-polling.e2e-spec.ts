import { AlertPage, ConnectionList, ConnectionView, EVENT_TYPES, QuoteView } from '@finstack/contracts';
import { ApiClient, AppProcess, backendFromEnv, FakeFinnhub, freePort, newSession, Session, Stack, startStack } from '@finstack/testing';
import { writeFileSync } from 'node:fs';
import { connect } from '../notifications/notifications-test-helpers';
import { dumpEverything, eventually, sleep } from './market-data-test-helpers';

const backend = backendFromEnv();

/*
 * The whole stack as real processes, with the portfolio service polling a
 * local server that speaks Finnhub's documented format (FakeFinnhub).
 */
describe(`market-data connections and quote polling through a local Finnhub (${backend})`, () => {
  const finnhub = new FakeFinnhub();
  const output: string[] = [];
  let stack: Stack;
  let api: ApiClient;
  const keys = {
    alice: 'alice-finnhub-key-c0ffee1234',
    bob: 'bob-finnhub-key-deadbeef5678',
    carol: 'carol-finnhub-key-abad1dea9012',
    longest: 'L'.repeat(255) + 'Z',
  };

  beforeAll(async () => {
    for (const key of Object.values(keys)) finnhub.keys.add(key);
    finnhub.setPrice('AAPL', 190);
    await finnhub.start();
    stack = await startStack({
      backend,
      name: 'mkt_poll',
      // Every log line a run writes, to search for the keys.
      commonEnv: { LOG_LEVEL: 'debug' },
      output: (app, chunk) => output.push(`${app}: ${chunk}`),
      portfolioEnv: {
        MARKET_DATA_BASE_URL: finnhub.url,
        QUOTE_POLL_SECONDS: '1',
        MARKET_DATA_CALLS_PER_MINUTE: '600',
        MARKET_DATA_CIRCUIT_THRESHOLD: '3',
        MARKET_DATA_CIRCUIT_OPEN_MS: '1500',
      },
    });
    api = new ApiClient(stack.baseUrl);
  }, 180_000);
  afterAll(async () => {
    // MARKET_E2E_OUTPUT=<file> keeps the apps' output of the run, for a failure's post-mortem.
    if (process.env.MARKET_E2E_OUTPUT) writeFileSync(process.env.MARKET_E2E_OUTPUT, output.join(''));
    await stack?.stop();
    await finnhub.stop();
  });

  const as = (session: Session) => ({
    put: <T>(path: string, body: unknown) => api.put<T>(`/api/v1${path}`, body, { token: session.accessToken }),
    get: <T>(path: string) => api.get<T>(`/api/v1${path}`, { token: session.accessToken }),
    post: <T>(path: string, body?: unknown) => api.post<T>(`/api/v1${path}`, body, { token: session.accessToken }),
    delete: <T>(path: string) => api.delete<T>(`/api/v1${path}`, { token: session.accessToken }),
  });

  it('connects with a good key, shows only its last 4 characters, and deletes it', async () => {
    const user = as(await newSession(api, 'connector'));
    const put = await user.put<ConnectionView>('/connections/finnhub', { apiKey: keys.alice });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ provider: 'finnhub', keyLast4: '1234', lastUsedAt: null, lastError: null });
    expect(JSON.stringify(put.body)).not.toContain(keys.alice);

    const list = await user.get<ConnectionList>('/connections');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ provider: 'finnhub', keyLast4: '1234' })]);
    expect(JSON.stringify(list.body)).not.toContain(keys.alice);

    expect((await user.delete('/connections/finnhub')).status).toBe(204);
    expect((await user.get<ConnectionList>('/connections')).body.items).toEqual([]);
    const again = await user.delete<{ code: string }>('/connections/finnhub');
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('CONNECTION_NOT_FOUND');
  });

  it("refuses a bad key with a 400 naming Finnhub's refusal, and stores nothing", async () => {
    const user = as(await newSession(api, 'badkey'));
    const refused = await user.put<{ code: string; message: string }>('/connections/finnhub', { apiKey: 'not-a-real-key-000' });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe('Finnhub refused the API key: Invalid API key');
    expect((await user.get<ConnectionList>('/connections')).body.items).toEqual([]);
  });

  it('bounds the key: 8 to 256 printable characters; and knows only its providers', async () => {
    const user = as(await newSession(api, 'bounds'));
    expect((await user.put('/connections/finnhub', { apiKey: keys.longest })).status).toBe(200);
    const tooLong = await user.put<{ message: string }>('/connections/finnhub', { apiKey: 'L'.repeat(257) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.message).toContain('apiKey must be at most 256 characters');
    expect((await user.put('/connections/finnhub', { apiKey: 'short7!' })).status).toBe(400);
    expect((await user.put('/connections/finnhub', { apiKey: 'has a space in it' })).status).toBe(400);
    const unknown = await user.put<{ message: string }>('/connections/yahoo', { apiKey: keys.alice });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('provider must be one of: finnhub');
    expect((await user.delete('/connections/finnhub')).status).toBe(204);
  });

  it('polls the watched ticker with the owner\'s key: the quote is stored, the alert fires and is pushed', async () => {
    const session = await newSession(api, 'poller');
    const user = as(session);
    const listener = await connect(stack.notificationsUrl, session.accessToken);
    try {
      finnhub.setPrice('PLLA', 95);
      expect((await user.put('/connections/finnhub', { apiKey: keys.bob })).status).toBe(200);
      expect((await user.post('/watchlist', { ticker: 'PLLA', targetPrice: '100', direction: 'above' })).status).toBe(201);
      const first = await eventually('a polled PLLA quote', async () => {
        const quote = await user.get<QuoteView>('/quotes/PLLA');
        return quote.status === 200 ? quote.body : undefined;
      });
      expect(first).toMatchObject({ ticker: 'PLLA', price: '95.00' });
      expect(finnhub.callsFor(keys.bob).some((call) => call.symbol === 'PLLA')).toBe(true);

      finnhub.setPrice('PLLA', 101.5, new Date(Date.now() + 1000));
      const [pushed] = await listener.waitFor((event) => event.type === EVENT_TYPES.alertTriggered, 1, 15_000);
      expect(pushed!.payload).toMatchObject({ ticker: 'PLLA', price: '101.50', targetPrice: '100.00', direction: 'above' });
      const alerts = await user.get<AlertPage>('/watchlist/alerts');
      expect(alerts.body.items).toEqual([expect.objectContaining({ ticker: 'PLLA', price: '101.50' })]);

      const connection = (await user.get<ConnectionList>('/connections')).body.items[0]!;
      expect(connection.lastUsedAt).not.toBeNull();
      expect(connection.lastError).toBeNull();
    } finally {
      listener.close();
    }
  });

  it('a 429 slows that key down, and every ticker is still quoted', async () => {
    const user = as(await newSession(api, 'limited'));
    const tickers = ['LMTA', 'LMTB', 'LMTC', 'LMTD', 'LMTE', 'LMTF'];
    for (const ticker of tickers) finnhub.setPrice(ticker, 10);
    for (const ticker of tickers) {
      expect((await user.post('/portfolio/holdings', { ticker, quantity: '1', allowUnknown: true })).status).toBe(201);
    }
    // Two calls a minute: the key check, and one ticker per poll before the 429s start.
    finnhub.callsPerMinute = 2;
    try {
      expect((await user.put('/connections/finnhub', { apiKey: keys.carol })).status).toBe(200);
      await eventually('the first 429 for the limited key', async () => finnhub.callsFor(keys.carol).some((call) => call.status === 429));
      const first429 = finnhub.callsFor(keys.carol).find((call) => call.status === 429)!.at;
      await sleep(1600);
      // Calls already in flight (a key has up to 4) may still land just after it; then the key is paused
      // until X-Ratelimit-Reset (capped at 30 s), not hammered.
      const quiet = finnhub.callsFor(keys.carol).filter((call) => call.at > first429 + 500 && call.at < first429 + 1600);
      expect(quiet).toEqual([]);
    } finally {
      finnhub.callsPerMinute = Number.POSITIVE_INFINITY;
    }
    // The limit lifted: the paused key resumes and no ticker was dropped.
    for (const ticker of tickers) {
      await eventually(`a quote of ${ticker}`, async () => (await user.get(`/quotes/${ticker}`)).status === 200, 45_000);
    }
  }, 90_000);

  it('an outage opens the circuit: /health/ready says degraded, not down; it closes when Finnhub is back', async () => {
    const user = as(await newSession(api, 'outage'));
    finnhub.setPrice('OUTG', 10);
    expect((await user.put('/connections/finnhub', { apiKey: keys.alice })).status).toBe(200);
    expect((await user.post('/portfolio/holdings', { ticker: 'OUTG', quantity: '1', allowUnknown: true })).status).toBe(201);
    finnhub.fail(500, 50);
    try {
    const ready = async () => {
      const response = await fetch(`${stack.opsUrls.portfolio}/health/ready`);
      return { status: response.status, body: (await response.json()) as { details: { marketData?: { state: string; circuit: string } } } };
    };
    const degraded = await eventually('an open circuit', async () => {
      const probe = await ready();
      return probe.body.details.marketData?.circuit === 'open' ? probe : undefined;
    });
    expect(degraded.status).toBe(200);
    expect(degraded.body.details.marketData).toMatchObject({ status: 'up', state: 'degraded', circuit: 'open' });
    finnhub.fail(500, 0);
    const recovered = await eventually('a closed circuit', async () => {
      const probe = await ready();
      return probe.body.details.marketData?.circuit === 'closed' ? probe : undefined;
    });
    expect(recovered.body.details.marketData).toMatchObject({ state: 'ok' });
    } finally {
      finnhub.fail(500, 0);
    }
  }, 60_000);

  it('keeps every key out of every table, outbox row and log line', async () => {
    // Connected keys of this run: alice's and bob's (and carol's) were stored; the longest was stored and deleted.
    const dump = await dumpEverything(stack);
    expect(dump).toContain('market_connections');
    const logs = output.join('');
    expect(logs.length).toBeGreaterThan(1000);
    for (const key of Object.values(keys)) {
      expect(dump.includes(key)).toBe(false);
      expect(logs.includes(key)).toBe(false);
    }
  });

  // MySQL's named lock elects the poller; SQLite has one process per database file.
  (backend === 'mysql' ? it : it.skip)('with two portfolio replicas only one polls, and the other takes over when it dies', async () => {
    const port = await freePort();
    let replicaOutput = '';
    const replica = new AppProcess({
      ...stack.portfolio.spec,
      env: { ...stack.portfolio.spec.env, PORTFOLIO_PORT: String(port), METRICS_PORT: String(await freePort()) },
      ready: { port },
      echo: (chunk) => (replicaOutput += chunk),
    });
    await replica.start();
    let primaryKilled = false;
    try {
      const user = as(await newSession(api, 'replicas'));
      finnhub.setPrice('REPL', 10);
      expect((await user.put('/connections/finnhub', { apiKey: keys.alice })).status).toBe(200);
      expect((await user.post('/portfolio/holdings', { ticker: 'REPL', quantity: '1', allowUnknown: true })).status).toBe(201);
      const before = finnhub.calls.length;
      await sleep(4000);
      // Each poll fetches REPL once: one replica polling each second, not two.
      const replCalls = finnhub.calls.slice(before).filter((call) => call.symbol === 'REPL');
      expect(replCalls.length).toBeGreaterThanOrEqual(2);
      expect(replCalls.length).toBeLessThanOrEqual(6);
      expect(replicaOutput).not.toContain('this replica polls');
      expect(replicaOutput).not.toContain('quote poll');

      await stack.portfolio.kill();
      primaryKilled = true;
      await eventually('the replica to take over polling', async () => replicaOutput.includes('this replica polls'), 20_000);
      finnhub.setPrice('REPL', 11, new Date(Date.now() + 1000));
      await eventually('a quote polled by the replica', async () => replicaOutput.includes('quote poll'), 20_000);
    } finally {
      await replica.stop();
      if (primaryKilled) await stack.portfolio.start();
    }
  }, 90_000);
});
