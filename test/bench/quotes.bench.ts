/**
 * `npm run bench:quotes`: quote ingest of the portfolio service, measured over
 * TCP (not through the gateway): the service runs as a real process on a fresh
 * MariaDB schema and is driven with the typed RpcClient, as the gateway drives it.
 * - 100,000 armed watchlist entries (seeded with multi-row INSERTs, not timed)
 *   over 500 tickers and 2,000 users, targets within a few percent of the price;
 * - quotes as a random walk per ticker, sent in batches, each batch one
 *   database transaction that checks every quote against the watchlist;
 * - ingest rate against the 5,000 quotes/s target, beside the same service
 *   fed one quote per message (the baseline), with alerts and outbox rows;
 * - the plan of the crossing query, printed once;
 * - polling throughput through a local Finnhub (quote-polling.bench.ts).
 */
import { join } from 'node:path';
import { HealthContract, PORTFOLIO, PortfolioContract, QuoteInput, QuotesIngested } from '@finstack/contracts';
import { valueRows } from '@finstack/database';
import { formatScaled } from '@finstack/money';
import { MAX_FRAME_BYTES, RpcClient } from '@finstack/rpc';
import { AppProcess, freePort, freshMysqlDatabase, gatewayLikeTokens, tempDataDir } from '@finstack/testing';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { createConnection, Connection } from 'mysql2/promise';
import { v7 as uuidv7 } from 'uuid';
import { crossingQueries, crossingRanges, RANGES_PER_QUERY } from '../../apps/portfolio/src/quotes/crossing-query';
import { residentMemoryMb } from './process-memory';
import { benchPolling } from './quote-polling.bench';

const TICKERS = 500;
const USERS = 2000;
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 100_000);
const QUOTES = Number(process.env.BENCH_QUOTES ?? 100_000);
const BASELINE_QUOTES = 2000;
const TARGET_PER_SECOND = 5000;
/** Largest step of a price per quote, as a fraction: a random walk of about ±0.2 % per quote. */
const STEP = 0.003;

type Client = RpcClient<PortfolioContract & HealthContract>;

/** A seeded generator, so every run sees the same market. */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}
const random = randomSource(20251122);

const ticker = (n: number) => `BT${String(n).padStart(3, '0')}`;
/** Opening prices in micro-units (10^-6), from about 20 to 500; every run starts from them. */
const OPENING = Array.from({ length: TICKERS }, (_, n) => BigInt(20_000_000 + ((n * 7919) % 480) * 1_000_000 + n * 13_577));
const prices = [...OPENING];

/** The market clock: every quote one millisecond after the last, starting two days ago. */
let clock = Date.now() - 2 * 24 * 3600 * 1000;
function nextQuote(n: number): QuoteInput {
  const price = prices[n];
  const step = BigInt(Math.round(Number(price) * STEP * (2 * random() - 1)));
  prices[n] = price + step > 1_000_000n ? price + step : price;
  clock += 1;
  return { ticker: ticker(n), price: formatScaled(prices[n], 6), at: new Date(clock).toISOString() };
}

/** `count` quotes in batches of `size`, each batch walking through the tickers in turn. */
function* batches(count: number, size: number): Generator<QuoteInput[]> {
  let next = 0;
  for (let sent = 0; sent < count; sent += size) {
    yield Array.from({ length: Math.min(size, count - sent) }, () => nextQuote(next++ % TICKERS));
  }
}

interface Run {
  label: string;
  quotes: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  totals: QuotesIngested;
}

const percentile = (samples: number[], p: number) => [...samples].sort((a, b) => a - b)[Math.floor((samples.length - 1) * p)];

async function ingest(client: Client, label: string, count: number, size: number): Promise<Run> {
  const totals: QuotesIngested = { accepted: 0, ignored: 0, alertsTriggered: 0 };
  const latencies: number[] = [];
  const began = performance.now();
  for (const quotes of batches(count, size)) {
    const sent = performance.now();
    const result = await client.send(PORTFOLIO.ingestQuotes, { body: { quotes } });
    latencies.push(performance.now() - sent);
    totals.accepted += result.accepted;
    totals.ignored += result.ignored;
    totals.alertsTriggered += result.alertsTriggered;
  }
  const seconds = (performance.now() - began) / 1000;
  return { label, quotes: count, seconds, perSecond: count / seconds, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), totals };
}

/** 100,000 entries, 50 per user, on random tickers; targets 1 %–20 % away from the opening price, above or below. */
async function seedWatchlist(db: Connection): Promise<void> {
  const users = Array.from({ length: USERS }, () => uuidv7());
  const now = new Date().toISOString().replace('T', ' ').slice(0, 23);
  for (let first = 0; first < ENTRIES; first += 1000) {
    const rows = Array.from({ length: Math.min(1000, ENTRIES - first) }, (_, i) => {
      const n = Math.floor(random() * TICKERS);
      const above = random() < 0.5;
      const distance = 0.01 + random() * 0.19;
      const target = BigInt(Math.round(Number(OPENING[n]) * (above ? 1 + distance : 1 - distance)));
      return [uuidv7(), users[(first + i) % USERS], ticker(n), target, above ? 'above' : 'below', null, 1, null, now, now];
    });
    await db.query(
      'INSERT INTO watchlist_entries (id, user_id, ticker, target_micro, direction, note, armed, last_triggered_at, created_at, updated_at) ' +
        `VALUES ${valueRows(rows.length, 10)}`,
      rows.flat(),
    );
  }
  await db.query('ANALYZE TABLE watchlist_entries');
}

async function printCrossingPlan(db: Connection): Promise<void> {
  // The statements the service runs for a batch of one quote per ticker; the plan of the first ('above').
  const tickers = OPENING.map((price, n) => ({
    ticker: ticker(n),
    accepted: [{ position: n, ticker: ticker(n), priceMicro: price, at: new Date(), currency: 'USD', previousMicro: null }],
    latest: { ticker: ticker(n), priceMicro: price, currency: 'USD', quotedAt: new Date(), previousCloseMicro: null, previousCloseDay: null },
  }));
  const statements = crossingQueries(crossingRanges(tickers), { lock: true });
  const [{ sql, params }] = statements;
  const [plan] = (await db.query(`EXPLAIN ${sql}`, params)) as unknown as [Record<string, unknown>[]];
  console.log(
    `\nplan of the crossing query: ${statements.length} statements for a batch of ${TICKERS} tickers (${RANGES_PER_QUERY} ranges each), ` +
      `on ${ENTRIES} entries; the first:`,
  );
  console.log(`  ${sql.slice(0, 200)} … FOR UPDATE`);
  console.table(plan.map(({ select_type, table, type, key, key_len, rows, Extra }) => ({ select_type, table, type, key, key_len, rows, Extra })));
}

function printRuns(runs: Run[]): void {
  const header = ['run', 'quotes', 'seconds', 'quotes/s', 'p50 ms/msg', 'p99 ms/msg', 'accepted', 'ignored', 'alerts'];
  const rows = runs.map((run) => [
    run.label,
    String(run.quotes),
    run.seconds.toFixed(1),
    run.perSecond.toFixed(0),
    run.p50.toFixed(1),
    run.p99.toFixed(1),
    String(run.totals.accepted),
    String(run.totals.ignored),
    String(run.totals.alertsTriggered),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ');
  console.log([line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n'));
}

async function main(): Promise<void> {
  console.log(
    `finstack quotes benchmark: the portfolio service as its own process on MariaDB, measured over TCP (typed RpcClient, no gateway); ` +
      `${ENTRIES} watchlist entries on ${TICKERS} tickers`,
  );
  const databaseUrl = await freshMysqlDatabase('finstack_bench_quotes');
  const dataDir = tempDataDir('finstack-quotes-bench-');
  const port = await freePort();
  const service = new AppProcess({
    app: 'portfolio',
    entry: join(__dirname, '..', '..', 'apps', 'portfolio', 'src', 'main.js'),
    env: { DATABASE_URL: databaseUrl, PORTFOLIO_PORT: String(port), DATA_DIR: dataDir.path },
    ready: { port },
  });
  await service.start();
  const proxy = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port, maxBufferSize: MAX_FRAME_BYTES } });
  const client: Client = new RpcClient(proxy, { service: 'portfolio', timeoutMs: 60_000, token: gatewayLikeTokens(dataDir.path, 'portfolio', [PORTFOLIO.ingestQuotes]) });
  const db = await createConnection({ uri: databaseUrl, supportBigNumbers: true, bigNumberStrings: true });
  try {
    await client.send(PORTFOLIO.ingestQuotes, { body: { quotes: [...batches(TICKERS, TICKERS)][0] } });
    const seedBegan = performance.now();
    await seedWatchlist(db);
    console.log(`seeded ${ENTRIES} armed entries for ${USERS} users in ${((performance.now() - seedBegan) / 1000).toFixed(1)} s (not timed)`);
    await printCrossingPlan(db);

    // Every run starts from the same market: the opening prices and all 100,000 entries armed.
    const reset = async () => {
      prices.splice(0, TICKERS, ...OPENING);
      await db.query('UPDATE watchlist_entries SET armed = 1 WHERE armed = 0');
    };
    const runs: Run[] = [];
    for (const size of [1, 100, 500, 1000]) {
      await reset();
      const label = size === 1 ? 'baseline: 1 quote per message' : `batches of ${size}`;
      runs.push(await ingest(client, label, size === 1 ? BASELINE_QUOTES : size === 500 ? QUOTES : QUOTES / 2, size));
    }
    console.log(`\nquote ingest, ${ENTRIES} watchlist entries checked on every quote (each run from the opening prices, all entries armed):`);
    printRuns(runs);

    const batched = runs.find((run) => run.label === 'batches of 500')!;
    const baseline = runs[0];
    console.log(
      `\nbatches of 500: ${batched.perSecond.toFixed(0)} quotes/s (target ≥ ${TARGET_PER_SECOND}): ${batched.perSecond >= TARGET_PER_SECOND ? 'met' : 'MISSED'}; ` +
        `${(batched.perSecond / baseline.perSecond).toFixed(1)}x the baseline of one quote per message (${baseline.perSecond.toFixed(0)} quotes/s)`,
    );
    console.log(`  alerts fired: ${batched.totals.alertsTriggered} (${((100 * batched.totals.alertsTriggered) / batched.quotes).toFixed(1)} per 100 quotes)`);

    const [[stored]] = (await db.query(
      'SELECT (SELECT COUNT(*) FROM price_alerts) AS alerts, (SELECT COUNT(*) FROM portfolio_outbox) AS outbox, ' +
        '(SELECT COUNT(*) FROM watchlist_entries WHERE armed = 0) AS disarmed',
    )) as unknown as [{ alerts: number; outbox: number; disarmed: number }[]];
    const accepted = TICKERS + runs.reduce((sum, run) => sum + run.totals.accepted, 0);
    const alerts = runs.reduce((sum, run) => sum + run.totals.alertsTriggered, 0);
    console.log(`\nover the whole run (opening quotes included): ${accepted} quotes accepted, ${alerts} alerts fired`);
    console.log(`  alert rows stored: ${stored.alerts} (${Number(stored.alerts) === alerts ? 'as reported' : 'MISMATCH'})`);
    console.log(
      `  outbox rows written: ${stored.outbox} = accepted quotes + alerts (${accepted + alerts}): ${Number(stored.outbox) === accepted + alerts ? 'yes' : 'NO'}`,
    );
    const memory = residentMemoryMb(service.pid!);
    console.log(`  portfolio process: RSS ${memory.rss.toFixed(0)} MB, peak ${memory.peak.toFixed(0)} MB`);
  } finally {
    await db.end();
    client.close();
    await service.stop();
    dataDir.remove();
  }
  await benchPolling();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
