/**
 * `npm run bench:api`: the gateway under load on loopback, against the same
 * query served without the TCP hop; creates in two profiles (one user on 50
 * connections, 50 users on one each), judged against the GET via the gateway
 * of the same run, since this machine's load moves every absolute figure;
 * plus cold start and memory of each app.
 * BENCH_DB=mysql (default) or sqlite; BENCH_SECONDS per run (default 10).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient, AppProcess, Backend, freePort, newSession, startStack } from '@finstack/testing';
import { formatTable, LoadResult, runLoad } from './load';
import { residentMemoryMb } from './process-memory';

const SEED_ROWS = 10_000;
/** Connections of every run; the many-users write profile has one user per connection. */
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const backend = (process.env.BENCH_DB ?? 'mysql') as Backend;

async function seedTransactions(api: ApiClient, token: string, count: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const day = new Date(Date.UTC(2021, 0, 1) + (i % 1500) * 86_400_000).toISOString().slice(0, 10);
      const response = await api.post(
        '/api/v1/transactions',
        { occurredOn: day, amount: `-${(i % 300) + 1}.${String(i % 100).padStart(2, '0')}`, currency: 'EUR', description: `purchase ${i}`, merchant: `shop ${i % 40}` },
        { token },
      );
      if (response.status !== 201) throw new Error(`seed failed: ${response.status} ${JSON.stringify(response.body)}`);
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
}

function publicKeyOf(dataDir: string): string {
  const folder = join(dataDir, 'keys');
  const file = readdirSync(folder).find((name) => readFileSync(join(folder, name), 'utf8').includes('PUBLIC KEY'));
  if (!file) throw new Error(`no public key under ${folder}`);
  return readFileSync(join(folder, file), 'utf8');
}

function verdict(ok: boolean): string {
  return ok ? 'met' : 'MISSED';
}

const ratio = (value: number, to: number) => `${(value / to).toFixed(2)}×`;

async function main(): Promise<void> {
  console.log(`finstack API benchmark: ${backend}, ${CONNECTIONS} connections, ${SECONDS} s a run`);
  const stack = await startStack({ backend, name: 'bench' });
  const apps = { gateway: stack.gateway, 'trx-crud': stack.trxCrud! };
  const baselinePort = await freePort();
  const baseline = new AppProcess({
    app: 'in-process-list',
    entry: join(__dirname, 'in-process-list.main.js'),
    env: {
      PORT: String(baselinePort),
      DATA_DIR: stack.dataDir,
      JWT_PUBLIC_KEY: publicKeyOf(stack.dataDir),
      ...(stack.databases.ledger ? { DATABASE_URL: stack.databases.ledger } : {}),
    },
    ready: { port: baselinePort },
  });
  try {
    const api = new ApiClient(stack.baseUrl);
    const session = await newSession(api, 'bench');
    const seeding = performance.now();
    await seedTransactions(api, session.accessToken, SEED_ROWS);
    console.log(`seeded ${SEED_ROWS} transactions through the API in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
    await baseline.start();

    const auth = { authorization: `Bearer ${session.accessToken}` };
    const listPath = '/api/v1/transactions?limit=50';
    const viaTcp = { label: 'GET list via gateway → TCP → trx-crud', url: `${stack.baseUrl}${listPath}` };
    const inProcess = { label: 'GET list in process (baseline)', url: `http://127.0.0.1:${baselinePort}${listPath}` };
    // Warm both paths (JIT, pools, caches) before measuring.
    for (const target of [viaTcp, inProcess]) {
      await runLoad({ ...target, connections: CONNECTIONS, seconds: 2, headers: auth });
    }
    const writers = await Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => newSession(api, `bench-writer-${i}`)));
    const create = {
      url: `${stack.baseUrl}/api/v1/transactions`,
      method: 'POST' as const,
      connections: CONNECTIONS,
      seconds: SECONDS,
      body: JSON.stringify({ occurredOn: '2025-06-01', amount: '-4.20', currency: 'EUR', description: 'Coffee', merchant: 'Café' }),
    };
    const json = { 'content-type': 'application/json' };
    // Each writer's first create opens their ledger (starter categories): not what the runs measure.
    await Promise.all(
      writers.map(async (writer) => {
        const response = await api.post('/api/v1/transactions', JSON.parse(create.body) as object, { token: writer.accessToken });
        if (response.status !== 201) throw new Error(`warm-up create failed: ${response.status} ${JSON.stringify(response.body)}`);
      }),
    );
    const results: LoadResult[] = [];
    results.push(await runLoad({ ...inProcess, connections: CONNECTIONS, seconds: SECONDS, headers: auth }));
    results.push(await runLoad({ ...viaTcp, connections: CONNECTIONS, seconds: SECONDS, headers: auth }));
    // Today's profile: every create adds to the same day's, category's and payee's totals.
    results.push(await runLoad({ ...create, label: `POST, one user on ${CONNECTIONS} connections`, headers: { ...auth, ...json } }));
    results.push(
      await runLoad({
        ...create,
        label: `POST, ${CONNECTIONS} users on one connection each`,
        headers: json,
        connectionHeaders: (connection) => ({ authorization: `Bearer ${writers[connection % writers.length].accessToken}` }),
      }),
    );
    console.log(`\n${formatTable(results)}\n`);

    const [baselineGet, hopGet, ...posts] = results;
    const hopCost = 1 - hopGet.requestsPerSecond / baselineGet.requestsPerSecond;
    console.log(`TCP hop cost: ${(hopCost * 100).toFixed(1)} % of throughput (target ≤ 20 %): ${verdict(hopCost <= 0.2)}`);
    const hopP99 = hopGet.p99 / baselineGet.p99;
    console.log(`GET p99 via gateway: ${hopGet.p99.toFixed(1)} ms, ${ratio(hopGet.p99, baselineGet.p99)} in process (target ≤ 1.3×): ${verdict(hopP99 <= 1.3)}`);
    let met = hopP99 <= 1.3;
    for (const post of posts) {
      const throughput = post.requestsPerSecond / hopGet.requestsPerSecond;
      const p99 = post.p99 / hopGet.p99;
      met = met && throughput >= 1 && p99 <= 1.5;
      console.log(
        `${post.label}: throughput ${ratio(post.requestsPerSecond, hopGet.requestsPerSecond)} GET via gateway (target ≥ 1.0×): ` +
          `${verdict(throughput >= 1)}; p99 ${ratio(post.p99, hopGet.p99)} (target ≤ 1.5×): ${verdict(p99 <= 1.5)}`,
      );
    }
    const failures = results.reduce((sum, r) => sum + r.non2xx + r.errors, 0);
    console.log(`non-2xx or failed requests under load: ${failures}: ${verdict(failures === 0)}`);
    console.log(`write-path targets of this run: ${met ? 'all met' : 'NOT all met'}`);

    for (const [name, app] of Object.entries(apps)) {
      const memory = residentMemoryMb(app.pid!);
      console.log(
        `${name}: cold start ${(app.startMs / 1000).toFixed(2)} s (target ≤ 3 s): ${verdict(app.startMs <= 3000)}; ` +
          `RSS ${memory.rss.toFixed(0)} MB, peak ${memory.peak.toFixed(0)} MB (target ≤ 150 MB): ${verdict(memory.peak <= 150)}`,
      );
    }
  } finally {
    await baseline.stop();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
