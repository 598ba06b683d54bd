/**
 * `npm run bench:create-profile`: where a create's time goes on MariaDB.
 * Each variant runs under the same load as bench:api's write profile (one
 * user, 50 connections), and the server's counters are read before and after
 * it: row-lock waits, commits, fsyncs and statements per request. The
 * counters are the whole server's, so other work on it shows up too; compare
 * the variants of one run. Also the CPU each process spent per request. Variants:
 * - POST as clients send it (the classifier asked first), by one user and by 50;
 * - POST with ?autoCategorize=false (no classifier hop);
 * - POST with notifications stopped (the outbox relay backs off, so it reads
 *   next to nothing);
 * - GET list via the gateway (its per-request work, for scale).
 * BENCH_SECONDS per variant (default 10).
 */
import { ApiClient, newSession, queryMysql, startStack } from '@finstack/testing';
import { formatTable, LoadResult, runLoad } from './load';
import { cpuSeconds, databaseServerPid } from './process-cpu';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const COUNTERS = [
  'Innodb_row_lock_time',
  'Innodb_row_lock_waits',
  'Com_commit',
  'Innodb_data_fsyncs',
  'Com_select',
  'Com_insert',
  'Com_update',
  'Questions',
] as const;
type Counters = Record<(typeof COUNTERS)[number], number>;

async function serverCounters(databaseUrl: string): Promise<Counters> {
  const rows = await queryMysql<{ Variable_name: string; Value: string }>(
    databaseUrl,
    `SHOW GLOBAL STATUS WHERE Variable_name IN (${COUNTERS.map(() => '?').join(', ')})`,
    [...COUNTERS],
  );
  const values = Object.fromEntries(rows.map((row) => [row.Variable_name, Number(row.Value)]));
  return Object.fromEntries(COUNTERS.map((name) => [name, values[name] ?? 0])) as Counters;
}

/** CPU seconds used so far by each process, by name (one that has exited counts 0). */
function cpuOf(pids: Record<string, number | undefined>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(pids).map(([name, pid]) => {
      try {
        return [name, pid === undefined ? 0 : cpuSeconds(pid)];
      } catch {
        return [name, 0];
      }
    }),
  );
}

interface Profile {
  load: LoadResult;
  perRequest: Counters;
  /** CPU milliseconds per request, by process. */
  cpuMs: Record<string, number>;
}

async function profiled(databaseUrl: string, pids: Record<string, number | undefined>, run: () => Promise<LoadResult>): Promise<Profile> {
  const before = await serverCounters(databaseUrl);
  const cpuBefore = cpuOf(pids);
  const load = await run();
  const cpuAfter = cpuOf(pids);
  const after = await serverCounters(databaseUrl);
  const requests = Math.max(1, load.requestsPerSecond * SECONDS);
  const perRequest = Object.fromEntries(COUNTERS.map((name) => [name, (after[name] - before[name]) / requests])) as Counters;
  const cpuMs = Object.fromEntries(Object.keys(pids).map((name) => [name, ((cpuAfter[name] - cpuBefore[name]) * 1000) / requests]));
  return { load, perRequest, cpuMs };
}

function cpuTable(rows: { label: string; cpuMs: Record<string, number> }[]): string {
  const names = Object.keys(rows[0]?.cpuMs ?? {});
  const header = ['CPU ms per request', ...names, 'all'];
  const cells = rows.map(({ label, cpuMs }) => [
    label,
    ...names.map((name) => cpuMs[name].toFixed(2)),
    Object.values(cpuMs)
      .reduce((sum, ms) => sum + ms, 0)
      .toFixed(2),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((row) => row[column].length)));
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

function countersTable(rows: { label: string; perRequest: Counters }[]): string {
  const header = ['per request', 'lock wait ms', 'lock waits', 'commits', 'fsyncs', 'SELECT', 'INSERT', 'UPDATE', 'statements'];
  const cells = rows.map(({ label, perRequest: c }) => [
    label,
    c.Innodb_row_lock_time.toFixed(1),
    c.Innodb_row_lock_waits.toFixed(2),
    c.Com_commit.toFixed(2),
    c.Innodb_data_fsyncs.toFixed(2),
    c.Com_select.toFixed(2),
    c.Com_insert.toFixed(2),
    c.Com_update.toFixed(2),
    c.Questions.toFixed(1),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((row) => row[column].length)));
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

async function main(): Promise<void> {
  console.log(`finstack create profile: mysql, ${CONNECTIONS} connections, ${SECONDS} s a variant`);
  const stack = await startStack({ backend: 'mysql', name: 'create_profile' });
  try {
    const ledgerDb = stack.databases.ledger!;
    const api = new ApiClient(stack.baseUrl);
    const session = await newSession(api, 'profile');
    const auth = { authorization: `Bearer ${session.accessToken}` };
    const post = (label: string, query = '') => ({
      label,
      url: `${stack.baseUrl}/api/v1/transactions${query}`,
      method: 'POST' as const,
      connections: CONNECTIONS,
      seconds: SECONDS,
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ occurredOn: '2025-06-01', amount: '-4.20', currency: 'EUR', description: 'Coffee', merchant: 'Café' }),
    });
    const list = {
      label: 'GET list via gateway',
      url: `${stack.baseUrl}/api/v1/transactions?limit=50`,
      connections: CONNECTIONS,
      seconds: SECONDS,
      headers: auth,
    };
    // Warm every path (JIT, pools, the classifier's caches) and leave a page to list.
    await runLoad({ ...post('warm-up'), seconds: 3 });
    await runLoad({ ...list, seconds: 2 });

    const pids = {
      gateway: stack.gateway.pid,
      'trx-crud': stack.trxCrud?.pid,
      classifier: stack.classifier.pid,
      notifications: stack.notifications.pid,
      MariaDB: await databaseServerPid(ledgerDb),
    };
    const rows: ({ label: string } & Profile)[] = [];
    const measure = async (spec: Parameters<typeof runLoad>[0]) =>
      rows.push({ label: spec.label, ...(await profiled(ledgerDb, pids, () => runLoad(spec))) });
    const writers = await Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => newSession(api, `profile-writer-${i}`)));
    const manyUsers = {
      ...post(`POST, ${CONNECTIONS} users on one connection each`),
      headers: { 'content-type': 'application/json' },
      connectionHeaders: (connection: number) => ({ authorization: `Bearer ${writers[connection].accessToken}` }),
    };
    await runLoad({ ...manyUsers, seconds: 2 }); // each writer's first create opens their ledger

    await measure(list);
    await measure(post('POST'));
    await measure(manyUsers);
    await measure(post('POST, no classifier hop', '?autoCategorize=false'));
    await stack.notifications.stop();
    await measure(post('POST, outbox relay idle'));

    console.log(`\n${formatTable(rows.map((row) => row.load))}\n`);
    console.log(`${countersTable(rows)}\n`);
    console.log(`${cpuTable(rows)}\n`);
    console.log('(server-wide counters and MariaDB CPU divided by the requests of the variant; other work on the server adds to them)');
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
