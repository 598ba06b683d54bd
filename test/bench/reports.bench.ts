/**
 * `npm run bench:reports`:
 * - a user with 1,000,000 transactions over 5 years on MariaDB (loaded through
 *   the real CSV import, so the running totals are kept the way users' writes
 *   keep them); the monthly summary over the 5 years through the gateway,
 *   p50 against the 200 ms target, beside the same month totals grouped
 *   straight from the transactions (the baseline the running totals replace);
 *   the query plans, printed once;
 * - scoring 10,000 transactions in process, p50 against the 20 ms target.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ApiClient, newSession, Stack, startStack } from '@finstack/testing';
import { createConnection, Connection } from 'mysql2/promise';
import { scoreTransactions } from '../../apps/report/src/scoring/score-transactions';

const TRANSACTIONS = Number(process.env.BENCH_TRANSACTIONS ?? 1_000_000);
const FILES = 10;
const FIRST_DAY = Date.UTC(2021, 10, 1); // 2021-11-01
const DAYS = 1826; // through 2026-10-31
const FROM = '2021-11-01';
const TO = '2026-10-31';
const SUMMARY_RUNS = 40;
const SUMMARY_TARGET_MS = 200;
const SCORE_ITEMS = 10_000;
const SCORE_RUNS = 200;
const SCORE_TARGET_MS = 20;

/** 150 payees in 15 spending kinds, plus salary and refunds. */
const KINDS = ['Supermarket', 'Drugstore', 'Fuel', 'Rail', 'Taxi', 'Streaming', 'Books', 'Clothes', 'Furniture',
  'Restaurant', 'Coffee', 'Pharmacy', 'Utilities', 'Phone', 'Hotel'];
const PAYEES = KINDS.flatMap((kind) => Array.from({ length: 10 }, (_, n) => `${kind} ${String.fromCharCode(65 + n)}`));

async function writeCsv(path: string, first: number, rows: number): Promise<void> {
  const file = createWriteStream(path);
  file.write('date,payee,description,amount,currency\n');
  for (let i = first; i < first + rows; i += 1) {
    const day = new Date(FIRST_DAY + ((i * 7) % DAYS) * 86_400_000).toISOString().slice(0, 10);
    const salary = i % 40 === 0;
    const refund = i % 53 === 0;
    const payee = salary ? 'Employer GmbH' : PAYEES[(i * 31) % PAYEES.length];
    const cents = salary ? 250_000 + (i % 5000) : refund ? 500 + (i % 3000) : -(100 + ((i * 7919) % 25_000));
    const amount = `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
    const currency = i % 20 === 0 ? 'USD' : 'EUR';
    // A reference per row: identical-looking purchases are distinct transactions, not duplicates.
    if (!file.write(`${day},${payee},CARD ${payee.toUpperCase()} REF ${i},${amount},${currency}\n`)) await once(file, 'drain');
  }
  file.end();
  await once(file, 'finish');
}

async function importFile(stack: Stack, token: string, path: string): Promise<number> {
  const options = 'dateColumn=date&merchantColumn=payee&descriptionColumn=description&amountColumn=amount&currencyColumn=currency';
  const response = await fetch(`${stack.baseUrl}/api/v1/imports?${options}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: Readable.toWeb(createReadStream(path)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const body = (await response.json()) as { inserted?: number };
  if (response.status !== 200) throw new Error(`import failed: ${response.status} ${JSON.stringify(body)}`);
  return body.inserted ?? 0;
}

const percentile = (samples: number[], p: number) => [...samples].sort((a, b) => a - b)[Math.floor((samples.length - 1) * p)];

async function timed(runs: number, work: () => Promise<unknown> | unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const began = performance.now();
    await work();
    samples.push(performance.now() - began);
  }
  return samples;
}

async function printPlan(db: Connection, title: string, sql: string, params: unknown[]): Promise<void> {
  const [rows] = await db.query(`EXPLAIN ${sql}`, params);
  console.log(`\nplan: ${title}`);
  console.table((rows as Record<string, unknown>[]).map(({ table, type, key, rows: estimate, Extra }) => ({ table, type, key, rows: estimate, Extra })));
}

async function benchSummary(stack: Stack, api: ApiClient): Promise<void> {
  const session = await newSession(api, 'reports');
  const folder = mkdtempSync(join(tmpdir(), 'finstack-reports-bench-'));
  try {
    const perFile = Math.ceil(TRANSACTIONS / FILES);
    const loadBegan = performance.now();
    let loaded = 0;
    for (let file = 0; file * perFile < TRANSACTIONS; file += 1) {
      const path = join(folder, `part-${file}.csv`);
      await writeCsv(path, file * perFile, Math.min(perFile, TRANSACTIONS - file * perFile));
      loaded += await importFile(stack, session.accessToken, path);
      rmSync(path);
      process.stdout.write(`\rloaded ${loaded} transactions`);
    }
    const loadSeconds = (performance.now() - loadBegan) / 1000;
    console.log(`\rloaded ${loaded} transactions over 5 years through CSV imports in ${loadSeconds.toFixed(0)} s (${(loaded / loadSeconds).toFixed(0)} rows/s)`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }

  const summaryUrl = `/api/v1/reports/summary?from=${FROM}&to=${TO}&groupBy=month&currency=EUR`;
  const first = await api.get(summaryUrl, { token: session.accessToken });
  if (first.status !== 200) throw new Error(`summary failed: ${first.status} ${JSON.stringify(first.body)}`);
  const summary = first.body as { rows: unknown[]; totals: { count: number; spent: string } };
  await timed(5, () => api.get(summaryUrl, { token: session.accessToken }));
  const viaGateway = await timed(SUMMARY_RUNS, async () => {
    const response = await api.get(summaryUrl, { token: session.accessToken });
    if (response.status !== 200) throw new Error(`summary failed: ${response.status}`);
  });

  const db = await createConnection({ uri: stack.databases.ledger!, supportBigNumbers: true, bigNumberStrings: true });
  try {
    const [[{ userId }]] = (await db.query('SELECT user_id AS userId FROM transactions LIMIT 1')) as unknown as [{ userId: string }[]];
    const baselineSql =
      'SELECT SUBSTR(occurred_on, 1, 7) AS month, SUM(CASE WHEN amount_minor < 0 THEN -amount_minor ELSE 0 END) AS spent, ' +
      'SUM(CASE WHEN amount_minor > 0 THEN amount_minor ELSE 0 END) AS received, COUNT(*) AS n FROM transactions ' +
      'WHERE user_id = ? AND occurred_on BETWEEN ? AND ? AND currency = ? GROUP BY SUBSTR(occurred_on, 1, 7)';
    const params = [userId, FROM, TO, 'EUR'];
    const baseline = await timed(5, () => db.query(baselineSql, params));
    const [baselineRows] = (await db.query(baselineSql, params)) as unknown as [{ n: string }[]];
    const baselineCount = baselineRows.reduce((sum, row) => sum + Number(row.n), 0);

    const p50 = percentile(viaGateway, 0.5);
    const baselineP50 = percentile(baseline, 0.5);
    console.log(`\nmonthly summary ${FROM}..${TO} (EUR, ${summary.rows.length} months, ${summary.totals.count} transactions), ${SUMMARY_RUNS} runs through the gateway:`);
    console.log(`  p50 ${p50.toFixed(1)} ms, p95 ${percentile(viaGateway, 0.95).toFixed(1)} ms (target p50 ≤ ${SUMMARY_TARGET_MS} ms): ${p50 <= SUMMARY_TARGET_MS ? 'met' : 'MISSED'}`);
    console.log(`  baseline, the month totals grouped from the transactions in MariaDB: p50 ${baselineP50.toFixed(0)} ms (${(baselineP50 / p50).toFixed(0)}x slower)`);
    console.log(`  the summary counts what the transactions hold: ${summary.totals.count === baselineCount ? 'yes' : `NO (${baselineCount} in the table)`}`);

    await printPlan(db, 'months and totals, from the daily totals',
      'SELECT currency, SUBSTR(day, 1, 7) AS k, SUM(spent_minor), SUM(received_minor), SUM(tx_count) FROM ledger_daily_totals ' +
        'WHERE user_id = ? AND day BETWEEN ? AND ? AND currency = ? GROUP BY currency, SUBSTR(day, 1, 7) HAVING SUM(tx_count) > 0',
      params);
    await printPlan(db, 'top categories and merchants, from the monthly totals',
      'SELECT currency, category_key AS k, SUM(spent_minor), SUM(received_minor), SUM(tx_count) FROM ledger_monthly_totals ' +
        'WHERE user_id = ? AND currency = ? AND month BETWEEN ? AND ? GROUP BY currency, category_key HAVING SUM(tx_count) > 0',
      [userId, 'EUR', FROM.slice(0, 7), TO.slice(0, 7)]);
    await printPlan(db, 'baseline, from the transactions', baselineSql, params);
    const [[sizes]] = (await db.query(
      'SELECT (SELECT COUNT(*) FROM ledger_daily_totals) AS daily, (SELECT COUNT(*) FROM ledger_monthly_totals) AS monthly',
    )) as unknown as [{ daily: number; monthly: number }[]];
    console.log(`running totals kept for ${TRANSACTIONS} transactions: ${sizes.daily} daily rows, ${sizes.monthly} monthly rows`);
  } finally {
    await db.end();
  }
}

async function benchScoring(api: ApiClient): Promise<void> {
  const items = Array.from({ length: SCORE_ITEMS }, (_, i) => ({
    amount: `${i % 3 === 0 ? '' : '-'}${(i * 7919) % 100_000}.${String(i % 100).padStart(2, '0')}`,
    currency: i % 10 === 0 ? 'USD' : 'EUR',
  }));
  await timed(20, () => scoreTransactions(items));
  const inProcess = await timed(SCORE_RUNS, () => scoreTransactions(items));
  const p50 = percentile(inProcess, 0.5);
  console.log(`\nscoring ${SCORE_ITEMS} transactions in process, ${SCORE_RUNS} runs: p50 ${p50.toFixed(2)} ms, p95 ${percentile(inProcess, 0.95).toFixed(2)} ms (target ≤ ${SCORE_TARGET_MS} ms): ${p50 <= SCORE_TARGET_MS ? 'met' : 'MISSED'}`);
  const session = await newSession(api, 'scoring');
  const body = { transactions: items };
  await timed(3, () => api.post('/api/v1/reports/score', body, { token: session.accessToken }));
  const viaGateway = await timed(20, async () => {
    const response = await api.post('/api/v1/reports/score', body, { token: session.accessToken });
    if (response.status !== 200) throw new Error(`score failed: ${response.status} ${JSON.stringify(response.body)}`);
  });
  console.log(`  the same through the gateway (HTTP, validation twice, TCP): p50 ${percentile(viaGateway, 0.5).toFixed(1)} ms`);
}

async function main(): Promise<void> {
  console.log(`finstack reports benchmark: MariaDB; ${TRANSACTIONS} transactions`);
  const stack = await startStack({ backend: 'mysql', name: 'reportsbench' });
  try {
    const api = new ApiClient(stack.baseUrl);
    await benchScoring(api);
    await benchSummary(stack, api);
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
