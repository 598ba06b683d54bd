import { DomainError } from '@finstack/contracts';
import { createDatabaseTestApp, DatabaseTestApp, waitUntil } from '@finstack/testing';
import { v4 as uuidv4 } from 'uuid';
import { VarEnv } from '../var-env';
import { varStorage } from '../var-storage';
import { JOB_QUEUES, removeQueueKeys, TestPlans } from '../jobs/job-queues.test-helper';
import { RunExecutor, RunPlan } from './run-executor';
import { insertRun } from './run-rows';
import { RunsModule } from './runs.module';
import { RunsService } from './runs.service';

const JOB_DRAWS = 100_000_000; // above VAR_SYNC_MAX_DRAWS: a job
const SYNC_DRAWS = 1000;

/** A computation that ends when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, execute: async () => (await opened, { done: true }) };
}


/** The code and Retry-After of a refusal, or 'accepted'. */
async function outcome(reply: Promise<unknown>): Promise<string> {
  try {
    await reply;
    return 'accepted';
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return `${error.code} retry ${(error.details as { retryAfterSeconds: number }).retryAfterSeconds}`;
  }
}

describe.each(JOB_QUEUES)('RunExecutor capacity on %s: 429 ANALYSIS_CAPACITY instead of unbounded work', (_queue, queueEnv) => {
  let app: DatabaseTestApp;
  let executor: RunExecutor;
  let runs: RunsService;
  let env: VarEnv;
  let plans: TestPlans;
  let settings: Record<string, string>;
  const plan = (execute: RunPlan['execute'], draws: number): RunPlan => plans.plan(execute, draws);

  beforeEach(async () => {
    settings = queueEnv();
    app = await createDatabaseTestApp({ name: 'var-capacity', settingsClass: VarEnv, storage: varStorage, modules: [RunsModule], env: settings });
    executor = app.get(RunExecutor);
    runs = app.get(RunsService);
    env = app.get(VarEnv);
    plans = new TestPlans(executor);
  });
  afterEach(async () => {
    await app.close();
    await removeQueueKeys(settings);
  });

  it('runs VAR_SYNC_CONCURRENCY synchronous analyses at once and refuses more until one ends', async () => {
    env.VAR_SYNC_CONCURRENCY = 2;
    const gates = [gate(), gate()];
    const running = gates.map((g) => executor.submit(uuidv4(), plan(g.execute, SYNC_DRAWS)));
    expect(await outcome(executor.submit(uuidv4(), plan(async () => 1, SYNC_DRAWS)))).toBe('ANALYSIS_CAPACITY retry 1');
    gates[0].open();
    await running[0];
    expect(await outcome(executor.submit(uuidv4(), plan(async () => 1, SYNC_DRAWS)))).toBe('accepted');
    gates[1].open();
    await running[1];
  });

  it(`caps a user's queued and running analyses at VAR_USER_ACTIVE_RUNS, others unaffected`, async () => {
    env.VAR_USER_ACTIVE_RUNS = 3;
    const user = uuidv4();
    const first = gate();
    const replies = [await executor.submit(user, plan(first.execute, JOB_DRAWS))];
    for (let i = 0; i < 2; i++) replies.push(await executor.submit(user, plan(async () => 1, JOB_DRAWS)));
    expect(await outcome(executor.submit(user, plan(async () => 1, JOB_DRAWS)))).toBe('ANALYSIS_CAPACITY retry 10');
    expect(await outcome(executor.submit(user, plan(async () => 1, SYNC_DRAWS)))).toBe('ANALYSIS_CAPACITY retry 10');
    expect(await outcome(executor.submit(uuidv4(), plan(async () => 1, SYNC_DRAWS)))).toBe('accepted');
    first.open();
    await waitUntil('the user’s jobs to finish', async () => (await runs.get(user, replies[2].run.id)).status === 'succeeded');
    expect(await outcome(executor.submit(user, plan(async () => 1, SYNC_DRAWS)))).toBe('accepted');
  });

  it('holds to the per-user cap when one user sends many requests at once', async () => {
    env.VAR_USER_ACTIVE_RUNS = 3;
    const user = uuidv4();
    const blocked = gate();
    const outcomes = await Promise.all(Array.from({ length: 12 }, () => outcome(executor.submit(user, plan(blocked.execute, JOB_DRAWS)))));
    expect(outcomes.filter((o) => o === 'accepted').length).toBeLessThanOrEqual(3);
    expect(outcomes.filter((o) => o === 'accepted').length).toBeGreaterThanOrEqual(1);
    expect(outcomes.filter((o) => o !== 'accepted').every((o) => o === 'ANALYSIS_CAPACITY retry 10')).toBe(true);
    blocked.open();
  });

  it('does not count runs a stopped replica left behind (no heartbeat for a minute)', async () => {
    env.VAR_USER_ACTIVE_RUNS = 1;
    const user = uuidv4();
    const longAgo = new Date(Date.now() - 10 * 60_000);
    await insertRun(app.dataSource.manager, {
      ...{ id: uuidv4(), userId: user, kind: 'portfolio', status: 'running', ticker: null, params: {} },
      ...{ result: null, errorCode: null, errorMessage: null, progressPermille: 300, durationMs: null },
      ...{ createdAt: longAgo, startedAt: longAgo, finishedAt: null },
    });
    expect(await outcome(executor.submit(user, plan(async () => 1, SYNC_DRAWS)))).toBe('accepted');
  });

  it('holds VAR_MAX_QUEUED_JOBS jobs waiting and refuses more, whoever asks', async () => {
    env.VAR_MAX_QUEUED_JOBS = 2;
    const blocked = gate();
    const user = uuidv4();
    const first = await executor.submit(user, plan(blocked.execute, JOB_DRAWS)); // running: not waiting
    await waitUntil('the first job to start', async () => (await runs.get(user, first.run.id)).status === 'running');
    await executor.submit(uuidv4(), plan(async () => 1, JOB_DRAWS));
    await executor.submit(uuidv4(), plan(async () => 1, JOB_DRAWS));
    expect(await outcome(executor.submit(uuidv4(), plan(async () => 1, JOB_DRAWS)))).toBe('ANALYSIS_CAPACITY retry 60');
    blocked.open();
  });
});
