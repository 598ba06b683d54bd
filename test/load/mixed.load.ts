/**
 * `npm run load:mixed`: a heavier mixed profile at a steady arrival rate
 * (ramping 1 → 20 iterations/s over 15 s, then 20/s for 45 s). Each iteration is one
 * request of 20 users in turn: reads (list transactions) 45 %, writes (create a
 * transaction) 25 %, quotes (ingest key) 20 %, CSV imports (10 rows) 5 %,
 * VaR analyses of AAPL (1,000 draws per signal) 5 %.
 * LOAD_SECONDS shortens it, LOAD_SCALE scales the rates; test/load/mixed.k6.js is the same for k6.
 */
import { newSession, Session } from '@finstack/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Profile, Recorder, runOpenLoop, scaledProfile } from './arrival-rate';
import { printReport, Threshold } from './load-report';
import { loadTarget } from './load-target';

const PROFILE: Profile = {
  startRate: 1,
  stages: [
    { target: 20, seconds: 15 },
    { target: 20, seconds: 45 },
  ],
  maxInFlight: 200,
};
const USERS = 20;
/** Twenty slots in the proportions above, cycled by iteration. */
const MIX = ['read', 'write', 'read', 'quote', 'read', 'write', 'read', 'quote', 'read', 'import', 'read', 'write', 'read', 'quote', 'read', 'write', 'read', 'quote', 'write', 'var'] as const;
const THRESHOLDS: Threshold[] = [
  { name: 'list transactions', maxErrorRate: 0.01, maxP95Ms: 200 },
  { name: 'create transaction', maxErrorRate: 0.01, maxP95Ms: 200 },
  { name: 'post quote', maxErrorRate: 0.01, maxP95Ms: 200 },
  { name: 'import CSV', maxErrorRate: 0.01, maxP95Ms: 1_000 },
  { name: 'VaR analysis', maxErrorRate: 0.01, maxP95Ms: 2_000 },
  { name: 'all', maxErrorRate: 0.01, maxP95Ms: 500 },
];

async function main(): Promise<void> {
  const profile = scaledProfile(PROFILE);
  const target = await loadTarget('load_mixed');
  try {
    const { api } = target;
    const operator = await target.operator();
    const csv = readFileSync(join(__dirname, '../../../data/prices/AAPL.csv'), 'utf8');
    const upload = await api.put('/api/v1/market/prices/AAPL', undefined, { token: operator.accessToken, rawBody: csv, headers: { 'content-type': 'text/csv' } });
    if (upload.status !== 200) throw new Error(`price upload: ${upload.status} ${JSON.stringify(upload.body)}`);
    const users: Session[] = await Promise.all(Array.from({ length: USERS }, () => newSession(api, 'mixed')));
    const recorder = new Recorder();
    console.log(`mixed load: ${profile.stages.map((s) => `→ ${s.target.toFixed(1)}/s over ${s.seconds.toFixed(0)} s`).join(' ')} from ${profile.startRate}/s, ${USERS} users, against ${target.description}`);

    const statusIn = (status: number, ...ok: number[]) => ok.includes(status);
    const run = await runOpenLoop(profile, recorder, async (index) => {
      const token = users[index % USERS].accessToken;
      const day = `2025-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`;
      switch (MIX[index % MIX.length]) {
        case 'read':
          return recorder.measure('list transactions', async () => ({ ok: statusIn((await api.get('/api/v1/transactions?limit=50', { token })).status, 200), value: undefined }));
        case 'write':
          return recorder.measure('create transaction', async () => {
            const body = { occurredOn: day, amount: `-${1 + (index % 90)}.25`, currency: 'EUR', description: `Load test purchase ${index}` };
            return { ok: statusIn((await api.post('/api/v1/transactions', body, { token })).status, 201), value: undefined };
          });
        case 'quote':
          return recorder.measure('post quote', async () => {
            const quote = { ticker: 'AAPL', price: (180 + (index % 40) / 4).toFixed(2), at: new Date().toISOString() };
            return { ok: statusIn((await api.post('/api/v1/quotes', quote, { headers: { 'x-api-key': target.ingestKey } })).status, 200), value: undefined };
          });
        case 'import':
          return recorder.measure('import CSV', async () => {
            const rows = Array.from({ length: 10 }, (_, row) => `${day},-${row + 1}.50,Imported ${index}-${row}`);
            const response = await api.post('/api/v1/imports?dateColumn=date&amountColumn=amount&descriptionColumn=description&currency=EUR', undefined, {
              token,
              rawBody: `date,amount,description\n${rows.join('\n')}\n`,
              headers: { 'content-type': 'text/csv' },
            });
            return { ok: statusIn(response.status, 200), value: undefined };
          });
        case 'var':
          return recorder.measure('VaR analysis', async () => {
            const body = { ticker: 'AAPL', strategy: { type: 'sma-crossover', A: 20, V: 101 }, samples: 1_000, shards: 1, seed: index };
            return { ok: statusIn((await api.post('/api/v1/var/analyses', body, { token })).status, 201), value: undefined };
          });
      }
    });
    printReport(run, recorder, THRESHOLDS);
  } finally {
    await target.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
