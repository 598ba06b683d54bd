/**
 * `npm run bench:import`: a 100,000-row bank CSV, streamed from disk through
 * the gateway into MariaDB with automatic categorisation, timed from the first
 * byte uploaded to the response. Memory of every app is sampled during the
 * run and compared with a 20,000-row import: streaming keeps it flat. The CPU
 * time each process spent on the large import shows where the time went (the
 * machine's cores are shared by all of them), and the same rows inserted bare
 * (multi-row INSERTs in one transaction, rolled back) give the database's floor.
 * The machine's speed drifts from minute to minute, so the large import runs
 * BENCH_REPEATS times (each for a new user, its floor measured right after
 * it) and the medians are what count.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { once } from 'node:events';
import { ApiClient, Backend, newSession, Stack, startStack } from '@finstack/testing';
import { createConnection } from 'mysql2/promise';
import { cpuSeconds, databaseServerPid } from './process-cpu';
import { residentMemoryMb } from './process-memory';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const SMALL_ROWS = Math.round(ROWS / 5);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const TARGET_ROWS_PER_SECOND = 20_000;
const backend = (process.env.BENCH_DB ?? 'mysql') as Backend;

const PAYEES = [
  'REWE Markt {n} Berlin', 'LIDL DIENSTL {n} HAMBURG', 'EDEKA CENTER {n}', 'ALDI SUED {n}', 'dm-drogerie markt {n}',
  'SHELL {n} MUENCHEN', 'ARAL STATION {n}', 'DB Vertrieb GmbH {n}', 'UBER *TRIP {n}', 'BVG Ticket {n}',
  'NETFLIX.COM {n}', 'Spotify P{n}', 'AMAZON EU SARL {n}', 'ZALANDO SE {n}', 'IKEA {n} Spandau',
  'Vapiano {n}', 'McDonalds {n}', 'Starbucks {n}', 'Apotheke am Markt {n}', 'Stadtwerke Abschlag {n}',
  'Vodafone GmbH {n}', 'Miete Wohnung {n}', 'Lufthansa {n}', 'Booking.com {n}', 'Gehalt Arbeitgeber {n}',
];

/** A bank export like real ones: German dates and decimals, a reference for some rows only. */
async function writeCsv(path: string, rows: number): Promise<void> {
  const file = createWriteStream(path);
  file.write('Buchungstag;Verwendungszweck;Betrag;Referenz\n');
  for (let i = 0; i < rows; i += 1) {
    const day = new Date(Date.UTC(2023, 0, 1) + (i % 730) * 86_400_000);
    const date = `${String(day.getUTCDate()).padStart(2, '0')}.${String(day.getUTCMonth() + 1).padStart(2, '0')}.${day.getUTCFullYear()}`;
    const payee = PAYEES[i % PAYEES.length].replace('{n}', String(1000 + (i % 997)));
    const income = payee.startsWith('Gehalt');
    const cents = income ? 250_000 + (i % 5000) : -(100 + ((i * 7919) % 25_000));
    const amount = `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`;
    const reference = i % 3 === 0 ? `REF-${i}` : '';
    if (!file.write(`${date};${payee};${amount};${reference}\n`)) await once(file, 'drain');
  }
  file.end();
  await once(file, 'finish');
}

const OPTIONS =
  'dateColumn=Buchungstag&descriptionColumn=Verwendungszweck&amountColumn=Betrag&externalIdColumn=Referenz' +
  '&dateFormat=DD.MM.YYYY&decimalSeparator=,&delimiter=;&currency=EUR';

interface Run {
  rows: number;
  seconds: number;
  inserted: number;
  importId: string;
  peakMb: Record<string, number>;
  /** CPU seconds each process (and the database server, when local) spent during the import. */
  cpu: Record<string, number>;
}

async function importFile(stack: Stack, token: string, path: string, rows: number, databasePid?: number): Promise<Run> {
  const apps = { gateway: stack.gateway, 'trx-crud': stack.trxCrud!, classifier: stack.classifier };
  const peakMb: Record<string, number> = {};
  const sample = () => {
    for (const [name, app] of Object.entries(apps)) {
      peakMb[name] = Math.max(peakMb[name] ?? 0, residentMemoryMb(app.pid!).rss);
    }
  };
  const pids: Record<string, number> = Object.fromEntries(Object.entries(apps).map(([name, app]) => [name, app.pid!]));
  if (databasePid) pids.database = databasePid;
  const cpuBefore = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid)]));
  const sampler = setInterval(sample, 100);
  const began = performance.now();
  const response = await fetch(`${stack.baseUrl}/api/v1/imports?${OPTIONS}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: Readable.toWeb(createReadStream(path)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const body = (await response.json()) as { inserted?: number; importId?: string };
  const seconds = (performance.now() - began) / 1000;
  clearInterval(sampler);
  sample();
  const cpu = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid) - cpuBefore[name]]));
  if (response.status !== 200) throw new Error(`import failed: ${response.status} ${JSON.stringify(body)}`);
  return { rows, seconds, inserted: body.inserted ?? 0, importId: body.importId ?? '', peakMb, cpu };
}

const FLOOR_BATCH_ROWS = 1000;

/**
 * The database's floor for these rows: a copy of the transactions table (same
 * columns, indexes and foreign key) holding the rows that were there before
 * the import, then the import's rows inserted into it by plain multi-row
 * INSERTs (1000 rows each, in file order) in one transaction. No parsing,
 * categorising or duplicate handling. The copy is dropped afterwards.
 */
async function bareInsert(databaseUrl: string, importId: string, databasePid?: number): Promise<{ seconds: number; cpu?: number }> {
  const db = await createConnection({ uri: databaseUrl, supportBigNumbers: true, bigNumberStrings: true, dateStrings: true });
  try {
    const [[{ 'Create Table': definition }]] = (await db.query('SHOW CREATE TABLE transactions')) as unknown as [
      { 'Create Table': string }[],
    ];
    await db.query('DROP TABLE IF EXISTS floor_transactions');
    await db.query(definition.replace('CREATE TABLE `transactions`', 'CREATE TABLE `floor_transactions`').replace(/CONSTRAINT `/g, 'CONSTRAINT `floor_'));
    await db.query('INSERT INTO floor_transactions SELECT * FROM transactions WHERE import_id IS NULL OR import_id <> ?', [importId]);
    const [rows] = (await db.query('SELECT * FROM transactions WHERE import_id = ? ORDER BY id', [importId])) as unknown as [
      Record<string, unknown>[],
    ];
    const columns = Object.keys(rows[0]);
    const values = rows.map((row) => columns.map((column) => row[column]));
    const cpuBefore = databasePid ? cpuSeconds(databasePid) : 0;
    const began = performance.now();
    await db.beginTransaction();
    for (let start = 0; start < values.length; start += FLOOR_BATCH_ROWS) {
      await db.query(`INSERT INTO floor_transactions (${columns.join(', ')}) VALUES ?`, [values.slice(start, start + FLOOR_BATCH_ROWS)]);
    }
    await db.commit();
    const seconds = (performance.now() - began) / 1000;
    return { seconds, cpu: databasePid ? cpuSeconds(databasePid) - cpuBefore : undefined };
  } finally {
    await db.query('DROP TABLE IF EXISTS floor_transactions').catch(() => undefined);
    await db.end();
  }
}

function report(run: Run): void {
  const memory = Object.entries(run.peakMb).map(([name, mb]) => `${name} ${mb.toFixed(0)} MB`).join(', ');
  console.log(
    `${run.rows} rows: ${run.seconds.toFixed(2)} s, ${(run.rows / run.seconds).toFixed(0)} rows/s, ` +
      `${run.inserted} inserted; peak RSS ${memory}`,
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Pages through the rows of an import that are still without a category. */
async function countUncategorised(api: ApiClient, token: string, importId: string): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const page: { body: { items: unknown[]; nextCursor: string | null } } = await api.get(
      `/api/v1/transactions?importId=${importId}&uncategorized=true&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
      { token },
    );
    count += page.body.items.length;
    cursor = page.body.nextCursor;
  } while (cursor);
  return count;
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'finstack-import-bench-'));
  const stack = await startStack({ backend, name: 'importbench' });
  try {
    const api = new ApiClient(stack.baseUrl);
    const [small, large] = [join(folder, 'small.csv'), join(folder, 'large.csv')];
    await writeCsv(small, SMALL_ROWS);
    await writeCsv(large, ROWS);
    console.log(`finstack import benchmark: ${backend}; ${SMALL_ROWS} and ${ROWS} rows (${(statSync(large).size / 1048576).toFixed(1)} MB)`);

    const databasePid = stack.databases.ledger ? await databaseServerPid(stack.databases.ledger) : undefined;
    const smallRun = await importFile(stack, (await newSession(api, 'small')).accessToken, small, SMALL_ROWS, databasePid);
    report(smallRun);
    const largeRuns: { run: Run; token: string; floorRate?: number }[] = [];
    for (let repeat = 1; repeat <= REPEATS; repeat += 1) {
      const token = (await newSession(api, `large${repeat}`)).accessToken;
      const run = await importFile(stack, token, large, ROWS, databasePid);
      report(run);
      const cpu = Object.entries(run.cpu).map(([name, seconds]) => `${name} ${seconds.toFixed(2)} s`).join(', ');
      const cpuTotal = Object.values(run.cpu).reduce((sum, seconds) => sum + seconds, 0);
      console.log(`  CPU: ${cpu} (${cpuTotal.toFixed(2)} s in all, in ${run.seconds.toFixed(2)} s)`);
      let floorRate: number | undefined;
      if (stack.databases.ledger) {
        const floor = await bareInsert(stack.databases.ledger, run.importId, databasePid);
        floorRate = ROWS / floor.seconds;
        console.log(
          `  floor, the same rows inserted bare into a copy of the table: ${floor.seconds.toFixed(2)} s, ${floorRate.toFixed(0)} rows/s` +
            `${floor.cpu === undefined ? '' : `, database CPU ${floor.cpu.toFixed(2)} s`}; the import ran at ${((100 * ROWS) / run.seconds / floorRate).toFixed(0)} % of it`,
        );
      }
      largeRuns.push({ run, token, floorRate });
    }
    const rate = median(largeRuns.map(({ run }) => run.rows / run.seconds));
    const floorRates = largeRuns.flatMap(({ floorRate }) => (floorRate === undefined ? [] : [floorRate]));
    const largeRun = largeRuns[largeRuns.length - 1].run;
    const largeToken = largeRuns[largeRuns.length - 1].token;
    const growth = Math.max(
      ...largeRuns.flatMap(({ run }) => Object.keys(run.peakMb).map((name) => run.peakMb[name] - smallRun.peakMb[name])),
    );
    const ofFloor = floorRates.length > 0 ? `, ${((100 * rate) / median(floorRates)).toFixed(0)} % of the median floor` : '';
    console.log(
      `\nthroughput, median of ${REPEATS}: ${rate.toFixed(0)} rows/s${ofFloor} (target ≥ ${TARGET_ROWS_PER_SECOND}): ` +
        `${rate >= TARGET_ROWS_PER_SECOND ? 'met' : 'MISSED'}`,
    );
    console.log(`memory: 5x the rows raised peak RSS by at most ${growth.toFixed(0)} MB: ${growth <= 40 ? 'flat' : 'NOT FLAT'}`);
    const inserted = largeRuns.map(({ run }) => run.inserted);
    console.log(`rows inserted: ${inserted.join(', ')} of ${ROWS}: ${inserted.every((count) => count === ROWS) ? 'all' : 'MISSING ROWS'}`);
    const uncategorised = await countUncategorised(api, largeToken, largeRun.importId);
    console.log(`categorised automatically: ${(100 * (1 - uncategorised / largeRun.inserted)).toFixed(1)} % of the imported rows`);
  } finally {
    await stack.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
