/**
 * `npm run bench:fanout`: Socket.IO fan-out of price changes on one
 * notifications replica, through the whole path: POST /quotes at the gateway,
 * the portfolio's transaction and outbox, the relay's TCP hop, the push.
 * - one change to 1,000 … 10,000 connected clients in the ticker's room:
 *   latency from the POST's answer to each client's receipt (target p99 ≤ 250 ms);
 * - the same counts on a bare Socket.IO server in the same run (the floor
 *   that Socket.IO itself sets here), for the ratio;
 * - 100 changes/s sustained to 1,000 subscribers: nothing lost, nothing twice, in order;
 * - memory per connection of the notifications process.
 * The clients live in two child processes and speak the protocol with a thin
 * client (see fanout/light-socket.ts), so the two cores go to the server.
 */
import { ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { QuotesIngested, SOCKET_PATH } from '@finstack/contracts';
import { ApiClient, decodeJwtPart, findPrivateKeyPem, freePort, newSession, signEs256, Stack, startStack } from '@finstack/testing';
import { FleetPool, percentileOf } from './fanout/fleet-pool';
import { changePrice, FleetReport } from './fanout/fleet-protocol';
import { cpuSeconds } from './process-cpu';
import { residentMemoryMb } from './process-memory';

const COUNTS = (process.env.BENCH_COUNTS ?? '1000,2500,5000,10000').split(',').map(Number);
const CHANGES_PER_COUNT = Number(process.env.BENCH_CHANGES ?? 10);
const SUSTAINED_SUBSCRIBERS = Number(process.env.BENCH_SUSTAINED_SUBSCRIBERS ?? 1000);
const SUSTAINED_RATE = Number(process.env.BENCH_SUSTAINED_RATE ?? 100);
const SUSTAINED_SECONDS = Number(process.env.BENCH_SUSTAINED_SECONDS ?? 30);
const TARGET_P99_MS = 250;
const INGEST_KEY = 'bench-fanout-ingest-key-0123456789abcdef';
/** Every socket follows all of them; one change at a time goes to the first, the sustained feed ticks through all. */
const TICKERS = Array.from({ length: 10 }, (_, n) => `FANOUT${n}`);

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Row {
  label: string;
  sockets: number;
  expected: number;
  report: FleetReport;
  /** CPU the notifications process (or the bare server) used per push received, in microseconds. */
  cpuPerPushUs?: number;
}

/** Runs `work` and adds the process's CPU time per push received to its row. */
async function measuringCpu(pid: number, work: () => Promise<Row>): Promise<Row> {
  const before = cpuSeconds(pid);
  const row = await work();
  return { ...row, cpuPerPushUs: ((cpuSeconds(pid) - before) * 1e6) / Math.max(1, row.report.received) };
}

/** Access tokens for `count` distinct users, signed like the gateway's, from one real session's claims. */
function tokensFor(count: number, template: { claims: Record<string, unknown>; kid?: string; privateKeyPem: string }): string[] {
  const issuedAt = Math.floor(Date.now() / 1000);
  return Array.from({ length: count }, () =>
    signEs256({ ...template.claims, sub: randomUUID(), iat: issuedAt, exp: issuedAt + 3600 }, template.privateKeyPem, template.kid),
  );
}

/** Waits until the fleets hold `expected` pushes or nothing new arrived for a while, then reports. */
async function collect(fleets: FleetPool, answeredAt: number[], expected: number, quietMs = 3000): Promise<FleetReport> {
  // Reports reset the fleets, so wait on the clock rather than polling reports: long enough for the slowest push.
  const deadline = Date.now() + quietMs;
  while (Date.now() < deadline) await sleep(100);
  const report = await fleets.report(answeredAt);
  if (report.received < expected) console.log(`  (${expected - report.received} pushes missing after ${quietMs} ms)`);
  return report;
}

/**
 * Quotes through the gateway. Change n sets a ticker's price to BASE_PRICE + n,
 * so every push names its change; quote times advance one millisecond per change.
 */
class QuoteFeed {
  readonly answeredAt: number[] = [];
  /** Quotes the portfolio ignored (a quote older than the ticker's last); expected to stay 0. */
  ignored = 0;
  private next = 0;
  private readonly marketStart = Date.UTC(2026, 0, 2, 9, 30);

  constructor(private readonly api: ApiClient) {}

  /** One POST with one change for each of the tickers, as a feed sends a tick of its market. */
  async tick(tickers: readonly string[]): Promise<void> {
    const changes = tickers.map((ticker) => {
      const n = this.next++;
      return { n, quote: { ticker, price: changePrice(n), at: new Date(this.marketStart + n).toISOString() } };
    });
    const body = changes.length === 1 ? changes[0].quote : { quotes: changes.map((change) => change.quote) };
    const post = () => this.api.post<QuotesIngested>('/api/v1/quotes', body, { headers: { 'x-api-key': INGEST_KEY } });
    // A kept-alive connection the gateway closed just as it was reused fails before the request is read; sent
    // again, a quote already taken would be ignored as not newer, so the retry cannot count a change twice.
    const response = await post().catch(post);
    const answeredAt = now();
    if (response.status !== 200) throw new Error(`quotes: ${response.status} ${JSON.stringify(response.body)}`);
    for (const { n } of changes) this.answeredAt[n] = answeredAt;
    this.ignored += changes.length - response.body.accepted;
  }
}

function printTable(rows: Row[]): void {
  console.log('\n| run | sockets | pushes received / expected | dup | out of order | p50 ms | p95 ms | p99 ms | max ms | server CPU µs/push |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { label, sockets, expected, report, cpuPerPushUs } of rows) {
    const p = (q: number) => percentileOf(report.latency, q);
    const max = report.latency.at(-1)?.[0] ?? Number.NaN;
    console.log(
      `| ${label} | ${sockets.toLocaleString('en')} | ${report.received.toLocaleString('en')} / ${expected.toLocaleString('en')} | ${report.duplicates} | ${report.outOfOrder} | ${p(0.5)} | ${p(0.95)} | ${p(0.99)} | ${max} | ${cpuPerPushUs?.toFixed(1) ?? '–'} |`,
    );
  }
}

/** One change at a time to every socket, CHANGES_PER_COUNT times, spaced so each is a fan-out of its own. */
async function singleChanges(label: string, sockets: number, fleets: FleetPool, change: () => Promise<void>, answeredAt: number[]): Promise<Row> {
  await fleets.report(answeredAt); // clear anything earlier
  for (let i = 0; i < CHANGES_PER_COUNT; i++) {
    await change();
    await sleep(Math.max(300, sockets / 10));
  }
  const expected = sockets * CHANGES_PER_COUNT;
  return { label, sockets, expected, report: await collect(fleets, answeredAt, expected) };
}

/**
 * SUSTAINED_RATE changes a second for SUSTAINED_SECONDS: every 100 ms a tick
 * that changes each of the tickers once. Ticks go one after another, as a feed
 * keeps its ticker's quotes in order; one answered late delays the next.
 */
async function sustained(fleets: FleetPool, feed: QuoteFeed, sockets: number): Promise<Row> {
  await fleets.report(feed.answeredAt);
  const ignoredBefore = feed.ignored;
  const ticks = (SUSTAINED_RATE * SUSTAINED_SECONDS) / TICKERS.length;
  const started = Date.now();
  for (let i = 0; i < ticks; i++) {
    const slot = started + (i * 1000 * TICKERS.length) / SUSTAINED_RATE;
    if (slot > Date.now()) await sleep(slot - Date.now());
    await feed.tick(TICKERS);
  }
  const seconds = (Date.now() - started) / 1000;
  const accepted = ticks * TICKERS.length - (feed.ignored - ignoredBefore);
  console.log(`  ${accepted} changes accepted in ${seconds.toFixed(1)} s (${(accepted / seconds).toFixed(0)}/s); ${feed.ignored - ignoredBefore} ignored`);
  const expected = sockets * accepted;
  return { label: `sustained ${SUSTAINED_RATE}/s for ${SUSTAINED_SECONDS} s`, sockets, expected, report: await collect(fleets, feed.answeredAt, expected, 10_000) };
}

/** The same fan-outs from a bare Socket.IO server in a process of its own. */
async function baseline(tokens: string[]): Promise<Row[]> {
  const port = await freePort();
  const server: ChildProcess = fork(join(__dirname, 'fanout/bare-socket-server.main.js'), [String(port)]);
  await new Promise((resolve) => server.once('message', resolve));
  const fleets = new FleetPool(2);
  const answeredAt: number[] = [];
  let next = 0;
  const emit = () =>
    new Promise<void>((resolve) => {
      const n = next++;
      server.once('message', (reply: { emittedAt: number }) => {
        answeredAt[n] = reply.emittedAt;
        resolve();
      });
      server.send({ emit: TICKERS[0], change: n });
    });
  const rows: Row[] = [];
  let connected = 0;
  try {
    for (const count of COUNTS) {
      const reply = await fleets.connect(`http://127.0.0.1:${port}`, SOCKET_PATH, TICKERS.slice(0, 1), tokens.slice(connected, count));
      connected += reply.connected;
      const memory = residentMemoryMb(server.pid!);
      console.log(`  bare Socket.IO: ${connected} sockets, RSS ${memory.rss.toFixed(0)} MB`);
      rows.push(await measuringCpu(server.pid!, () => singleChanges('bare Socket.IO (floor)', connected, fleets, emit, answeredAt)));
    }
  } finally {
    fleets.close();
    server.send({ close: true });
  }
  return rows;
}

async function main(): Promise<void> {
  console.log(`finstack fan-out benchmark: counts ${COUNTS.join(', ')}, ${CHANGES_PER_COUNT} changes each`);
  const stack: Stack = await startStack({
    backend: 'mysql',
    name: 'bench_fanout',
    gatewayEnv: { QUOTES_INGEST_API_KEY: INGEST_KEY },
    // Notifications' own heap cap (libs/config runtimeEnvFor) unless the run names options of its own.
    notificationsEnv: process.env.BENCH_NOTIFICATIONS_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NOTIFICATIONS_NODE_OPTIONS } : {},
  });
  const fleets = new FleetPool(2);
  const rows: Row[] = [];
  try {
    const api = new ApiClient(stack.baseUrl);
    const session = await newSession(api, 'fanout');
    const template = {
      claims: decodeJwtPart(session.accessToken, 1),
      kid: decodeJwtPart(session.accessToken, 0).kid as string | undefined,
      privateKeyPem: findPrivateKeyPem(stack.dataDir),
    };
    const tokens = tokensFor(Math.max(...COUNTS, SUSTAINED_SUBSCRIBERS), template);
    const feed = new QuoteFeed(api);
    await feed.tick(TICKERS); // every ticker's first quote, and a warm path
    await sleep(500);

    const pid = stack.notifications.pid!;
    const idle = residentMemoryMb(pid).rss;
    let connected = 0;
    const connectUpTo = async (count: number) => {
      const started = Date.now();
      const reply = await fleets.connect(stack.notificationsUrl, SOCKET_PATH, TICKERS, tokens.slice(connected, count));
      connected += reply.connected;
      if (reply.refused > 0) console.log(`  ${reply.refused} connections refused (first: ${reply.firstError})`);
      await sleep(1000);
      const rss = residentMemoryMb(pid).rss;
      console.log(
        `  ${connected.toLocaleString('en')} sockets connected in ${((Date.now() - started) / 1000).toFixed(1)} s; notifications RSS ${rss.toFixed(0)} MB (${(((rss - idle) * 1024) / connected).toFixed(1)} KB per connection over idle ${idle.toFixed(0)} MB)`,
      );
    };

    await connectUpTo(SUSTAINED_SUBSCRIBERS);
    console.log(`sustained: ${SUSTAINED_RATE} changes/s for ${SUSTAINED_SECONDS} s to ${connected} subscribers`);
    rows.push(await measuringCpu(pid, () => sustained(fleets, feed, connected)));

    for (const count of COUNTS) {
      if (count > connected) await connectUpTo(count);
      rows.push(await measuringCpu(pid, () => singleChanges('one change at a time', connected, fleets, () => feed.tick(TICKERS.slice(0, 1)), feed.answeredAt)));
      printTable(rows.slice(-1));
    }
  } finally {
    fleets.close();
    await stack.stop();
  }

  console.log('baseline: a bare Socket.IO server, same clients and counts');
  // The bare server checks no token; any string will do.
  const floor = await baseline(Array.from({ length: Math.max(...COUNTS) }, (_, n) => `bare-${n}`));
  rows.push(...floor);
  printTable(rows);

  console.log('\n| sockets | finstack p99 ms | bare Socket.IO p99 ms | ratio | target p99 ≤ 250 ms |');
  console.log('|---:|---:|---:|---:|---|');
  const ours = rows.filter((row) => row.label === 'one change at a time');
  for (const row of ours) {
    const bare = floor.find((candidate) => candidate.sockets === row.sockets);
    const p99 = percentileOf(row.report.latency, 0.99);
    const bareP99 = bare ? percentileOf(bare.report.latency, 0.99) : Number.NaN;
    const complete = row.report.received === row.expected;
    console.log(`| ${row.sockets.toLocaleString('en')} | ${p99} | ${bareP99} | ${(p99 / bareP99).toFixed(2)} | ${complete && p99 <= TARGET_P99_MS ? 'met' : 'missed'} |`);
  }
  const held = ours.filter((row) => row.report.received === row.expected && percentileOf(row.report.latency, 0.99) <= TARGET_P99_MS);
  console.log(`\nlargest count meeting p99 ≤ ${TARGET_P99_MS} ms with every push delivered: ${held.length ? Math.max(...held.map((row) => row.sockets)).toLocaleString('en') : 'none'}`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
