/**
 * `npm run bench:api`: the gateway under load on loopback, against the same
 * query served without the TCP hop, plus cold start and memory of each app.
 * BENCH_DB=mysql (default) or sqlite; BENCH_SECONDS per run (default 10).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient, AppProcess, Backend, freePort, newSession, startStack } from '@finstack/testing';
import { formatTable, LoadResult, runLoad } from './load';
import { residentMemoryMb } from './process-memory';

const SEED_ROWS = 10_000;
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
    const results: LoadResult[] = [];
    results.push(await runLoad({ ...inProcess, connections: CONNECTIONS, seconds: SECONDS, headers: auth }));
    results.push(await runLoad({ ...viaTcp, connections: CONNECTIONS, seconds: SECONDS, headers: auth }));
    results.push(
      await runLoad({
        label: 'POST transaction via gateway',
        url: `${stack.baseUrl}/api/v1/transactions`,
        method: 'POST',
        connections: CONNECTIONS,
        seconds: SECONDS,
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ occurredOn: '2025-06-01', amount: '-4.20', currency: 'EUR', description: 'Coffee', merchant: 'Café' }),
      }),
    );
    console.log(`\n${formatTable(results)}\n`);

    const [baselineGet, hopGet] = results;
    const hopCost = 1 - hopGet.requestsPerSecond / baselineGet.requestsPerSecond;
    console.log(`TCP hop cost: ${(hopCost * 100).toFixed(1)} % of throughput (target ≤ 20 %): ${verdict(hopCost <= 0.2)}`);
    console.log(`GET p99 via gateway: ${hopGet.p99.toFixed(1)} ms (target ≤ 50 ms): ${verdict(hopGet.p99 <= 50)}`);
    const failures = results.reduce((sum, r) => sum + r.non2xx + r.errors, 0);
    console.log(`non-2xx or failed requests under load: ${failures}: ${verdict(failures === 0)}`);

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
