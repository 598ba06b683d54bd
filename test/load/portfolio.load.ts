/**
 * `npm run load:portfolio`: the portfolio stress profile. A ramping arrival
 * rate of 1 → 10 → 30 → 1 iterations per second over 5 minutes; each
 * iteration is one of 20 users (in turn) adding a holding, listing the wallet
 * and deleting the holding. Thresholds: error rate < 1 %, p95 < 200 ms.
 * LOAD_SECONDS shortens it, LOAD_SCALE scales the rates; test/load/portfolio.k6.js is the same for k6.
 */
import { newSession } from '@finstack/testing';
import { Profile, Recorder, runOpenLoop, scaledProfile } from './arrival-rate';
import { printReport } from './load-report';
import { loadTarget } from './load-target';

const PROFILE: Profile = {
  startRate: 1,
  stages: [
    { target: 10, seconds: 60 },
    { target: 30, seconds: 120 },
    { target: 1, seconds: 120 },
  ],
  maxInFlight: 200,
};
const USERS = 20;
const TICKERS = ['AAPL', 'AMZN', 'MSFT', 'NVDA', 'TSLA'];

async function main(): Promise<void> {
  const profile = scaledProfile(PROFILE);
  const target = await loadTarget('load_portfolio');
  try {
    const users = await Promise.all(Array.from({ length: USERS }, () => newSession(target.api, 'investor')));
    const recorder = new Recorder();
    const { api } = target;
    console.log(`portfolio load: ${profile.stages.map((s) => `→ ${s.target.toFixed(1)}/s over ${s.seconds.toFixed(0)} s`).join(' ')} from ${profile.startRate}/s, ${USERS} users, against ${target.description}`);
    const run = await runOpenLoop(profile, recorder, async (index) => {
      const token = users[index % USERS].accessToken;
      const ticker = TICKERS[Math.floor(index / USERS) % TICKERS.length]; // a user never holds the same ticker twice at once
      const id = await recorder.measure('add holding', async () => {
        const response = await api.post('/api/v1/portfolio/holdings', { ticker, quantity: '1.5', averageCost: '100.00', allowUnknown: true }, { token });
        return { ok: response.status === 201, value: String(response.body.id) };
      });
      await recorder.measure('list holdings', async () => {
        const response = await api.get('/api/v1/portfolio/holdings', { token });
        return { ok: response.status === 200, value: undefined };
      });
      await recorder.measure('delete holding', async () => {
        const response = await api.delete(`/api/v1/portfolio/holdings/${id}`, { token });
        return { ok: response.status === 204 || response.status === 200, value: undefined };
      });
    });
    printReport(run, recorder, [{ name: 'all', maxErrorRate: 0.01, maxP95Ms: 200 }]);
  } finally {
    await target.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
