import { RunPage, RunView, StrategyAnalysisResult, VarCompletedPayload, VarProgressPayload } from '@finstack/contracts';
import { connect } from '../notifications/notifications-test-helpers';
import { backend, sampleCsv, useRiskStack } from './var-test-helpers';

const JOB = { ticker: 'AAPL', strategy: { type: 'sma-crossover', A: 20, V: 101 }, samples: 1_000_000, shards: 2, seed: 5 };

describe(`a long analysis runs as a job (${backend})`, () => {
  // Any analysis above 1,000 draws is a job here; 368 signals × 1,000,000 draws is about 2 s of work.
  const risk = useRiskStack('var_jobs', { varEnv: { VAR_SYNC_MAX_DRAWS: '1000' } });

  beforeAll(() => risk.uploadPrices('AAPL', sampleCsv('AAPL')));

  it('accepts it with 202, keeps serving while it runs, stores the result and pushes progress and completion to its owner', async () => {
    const user = await risk.newUser();
    const owner = await connect(risk.stack().notificationsUrl, user.session.accessToken);
    const stranger = await connect(risk.stack().notificationsUrl, (await risk.newUser('stranger')).session.accessToken);
    const accepted = await user.post<RunView>('/var/analyses', JOB);
    expect(accepted.status).toBe(202);
    expect(accepted.headers.get('location')).toBe(`/api/v1/var/analyses/${accepted.body.id}`);
    expect(accepted.body).toMatchObject({ status: 'queued', progress: 0, finishedAt: null });
    expect(accepted.body.result).toBeUndefined();

    // The simulation runs on worker threads: the service answers other requests meanwhile.
    const slowest = { ms: 0, status: 'queued' };
    while (slowest.status !== 'succeeded' && slowest.status !== 'failed') {
      const started = performance.now();
      const tickers = await user.get('/market/tickers');
      expect(tickers.status).toBe(200);
      slowest.ms = Math.max(slowest.ms, performance.now() - started);
      slowest.status = (await user.get<RunView>(`/var/analyses/${accepted.body.id}`)).body.status;
    }
    expect(slowest.ms).toBeLessThan(1000);

    const done = await risk.finished(user, accepted.body.id);
    expect(done).toMatchObject({ status: 'succeeded', progress: 1, error: null });
    expect(done.durationMs).toBeGreaterThan(0);
    const result = done.result as StrategyAnalysisResult;
    expect(result.metadata).toMatchObject({ signals: 368, samples: 1_000_000, seed: 5 });
    expect(result.trades).toHaveLength(368);

    const listed = await user.get<RunPage>('/var/analyses');
    expect(listed.body.items[0]).toMatchObject({ id: done.id, status: 'succeeded' });

    const completed = await owner.waitFor((e) => e.type === 'var.completed');
    expect(completed.map((e) => e.payload)).toEqual([
      { runId: done.id, kind: 'strategy', status: 'succeeded', durationMs: expect.any(Number), error: null },
    ]);
    const progress = owner.ofType('var.progress').map((e) => e.payload as VarProgressPayload);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.every((p) => p.runId === done.id)).toBe(true);
    expect(progress.map((p) => p.progress)).toEqual(progress.map((p) => p.progress).sort((a, b) => a - b));
    expect((completed[0].payload as VarCompletedPayload).durationMs).toBeGreaterThan(0);
    expect(stranger.exceptSignIns()).toEqual([]);
    owner.close();
    stranger.close();
  });

  it('gives two jobs of the same request and seed identical trades', async () => {
    const user = await risk.newUser();
    const small = { ...JOB, samples: 2000 };
    const job = await user.post<RunView>('/var/analyses', small);
    expect(job.status).toBe(202);
    const done = await risk.finished(user, job.body.id);
    const again = await risk.finished(user, (await user.post<RunView>('/var/analyses', small)).body.id);
    const trades = (run: RunView) => (run.result as StrategyAnalysisResult).trades;
    expect(trades(done)).toEqual(trades(again));
  });

  it('runs a portfolio VaR as a job too, on the holdings it was asked on', async () => {
    const user = await risk.newUser();
    expect((await user.post('/portfolio/holdings', { ticker: 'AAPL', quantity: '10', allowUnknown: true })).status).toBe(201);
    // 10,000 draws of one holding: above this stack's 1,000, so queued and planned again by the replica that runs it.
    const accepted = await user.post<RunView>('/var/portfolio', { method: 'monte-carlo', samples: 10_000, seed: 3, horizonDays: 1, lookbackDays: 250 });
    expect(accepted.status).toBe(202);
    const done = await risk.finished(user, accepted.body.id);
    expect(done).toMatchObject({ status: 'succeeded', progress: 1, error: null, kind: 'portfolio' });
    expect(done.result).toMatchObject({ asOf: expect.any(String) });
  });
});
