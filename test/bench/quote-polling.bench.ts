/**
 * Polling throughput, part of `npm run bench:quotes`: a portfolio process on
 * a fresh MariaDB schema polls a local server speaking Finnhub's documented
 * format (FakeFinnhub), which answers 429 past each key's per-minute limit.
 * USERS users each connect their own key (over TCP, as the gateway does) and
 * hold TICKERS_PER_USER tickers; every key may make Finnhub's 30 calls a
 * second (its documented cap on any plan). Measured: tickers quoted per
 * second until every ticker has a stored quote, and the 429s the limits caused
 * (0 expected: the token buckets keep under them).
 */
import { join } from 'node:path';
import { MARKET_DATA, MarketDataContract, PORTFOLIO, PortfolioContract } from '@finstack/contracts';
import { MAX_FRAME_BYTES, RpcClient } from '@finstack/rpc';
import { AppProcess, FakeFinnhub, freePort, freshMysqlDatabase, gatewayLikeTokens, queryMysql, tempDataDir } from '@finstack/testing';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { v7 as uuidv7 } from 'uuid';

const USERS = Number(process.env.BENCH_POLL_USERS ?? 20);
const TICKERS_PER_USER = Number(process.env.BENCH_POLL_TICKERS_PER_USER ?? 50);
/** Finnhub's documented per-second cap, as a per-minute limit. */
const CALLS_PER_MINUTE = 1800;

export async function benchPolling(): Promise<void> {
  const tickers = USERS * TICKERS_PER_USER;
  console.log(`\nquote polling through a local Finnhub: ${USERS} connected keys, ${tickers} tickers, ${CALLS_PER_MINUTE} calls a minute per key`);
  const finnhub = new FakeFinnhub();
  finnhub.callsPerMinute = CALLS_PER_MINUTE;
  await finnhub.start();
  const databaseUrl = await freshMysqlDatabase('finstack_bench_polling');
  const dataDir = tempDataDir('finstack-polling-bench-');
  const port = await freePort();
  const service = new AppProcess({
    app: 'portfolio',
    entry: join(__dirname, '..', '..', 'apps', 'portfolio', 'src', 'main.js'),
    env: {
      DATABASE_URL: databaseUrl,
      PORTFOLIO_PORT: String(port),
      DATA_DIR: dataDir.path,
      METRICS_PORT: '0',
      MARKET_DATA_BASE_URL: finnhub.url,
      MARKET_DATA_CALLS_PER_MINUTE: String(CALLS_PER_MINUTE),
      // Longer than the whole fetch: one poll, measured from its start.
      QUOTE_POLL_SECONDS: '120',
      QUOTE_POLLING: 'false',
    },
    ready: { port },
  });
  await service.start();
  const proxy = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port, maxBufferSize: MAX_FRAME_BYTES } });
  const client = new RpcClient<PortfolioContract & MarketDataContract>(proxy, { service: 'portfolio', timeoutMs: 60_000, token: gatewayLikeTokens(dataDir.path, 'portfolio') });
  let poller: AppProcess | undefined;
  try {
    const now = new Date();
    for (let user = 0; user < USERS; user += 1) {
      const userId = uuidv7();
      const apiKey = `bench-key-${String(user).padStart(4, '0')}-0123456789`;
      finnhub.keys.add(apiKey);
      await client.send(MARKET_DATA.putConnection, { userId, params: { provider: 'finnhub' }, body: { apiKey } });
      for (let n = 0; n < TICKERS_PER_USER; n += 1) {
        const ticker = `P${String(user).padStart(3, '0')}T${String(n).padStart(3, '0')}`;
        finnhub.setPrice(ticker, 100 + n / 100, now);
        await client.send(PORTFOLIO.addHolding, { userId, body: { ticker, quantity: '1', allowUnknown: true } });
      }
    }
    client.close();
    await service.stop();
    finnhub.calls.length = 0;
    // The same schema, now polling: the timed part starts with the process.
    poller = new AppProcess({ ...service.spec, env: { ...service.spec.env, QUOTE_POLLING: 'true' } });
    const began = performance.now();
    await poller.start();
    let stored = 0;
    while (stored < tickers) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const [row] = await queryMysql<{ quoted: number }>(databaseUrl, 'SELECT COUNT(*) AS quoted FROM latest_quotes');
      stored = Number(row!.quoted);
      if (performance.now() - began > 300_000) throw new Error(`only ${stored} of ${tickers} tickers quoted after 300 s`);
    }
    const seconds = (performance.now() - began) / 1000;
    const quotes = finnhub.calls.filter((call) => call.path === '/quote');
    const limited = quotes.filter((call) => call.status === 429).length;
    const firstCall = Math.min(...quotes.map((call) => call.at));
    const lastCall = Math.max(...quotes.map((call) => call.at));
    const fetchSeconds = (lastCall - firstCall) / 1000;
    console.log(
      `  ${tickers} tickers quoted in ${seconds.toFixed(1)} s from process start (${(tickers / seconds).toFixed(0)} tickers/s); ` +
        `provider calls ${quotes.length} over ${fetchSeconds.toFixed(1)} s (${(quotes.length / Math.max(fetchSeconds, 0.001)).toFixed(0)} calls/s, ` +
        `ceiling ${((USERS * CALLS_PER_MINUTE) / 60).toFixed(0)}/s + bursts); 429s: ${limited}`,
    );
    if (process.env.BENCH_POLL_LOGS) console.log(poller.logs());
  } finally {
    client.close();
    await poller?.stop();
    await service.stop();
    await finnhub.stop();
    dataDir.remove();
  }
}
