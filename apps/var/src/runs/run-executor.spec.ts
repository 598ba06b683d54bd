import { DomainError, ErrorCode, RunView } from '@finstack/contracts';
import { pendingEvents } from '@finstack/outbox';
import { createDatabaseTestApp, DatabaseTestApp, waitUntil } from '@finstack/testing';
import { v4 as uuidv4 } from 'uuid';
import { VarEnv } from '../var-env';
import { varStorage } from '../var-storage';
import { JOB_QUEUES, removeQueueKeys, TestPlans } from '../jobs/job-queues.test-helper';
import { RunExecutor, RunPlan } from './run-executor';
import { insertRun } from './run-rows';
import { VAR_OUTBOX } from './run-events';
import { RunsModule } from './runs.module';
import { RunsService } from './runs.service';

/** Above the default VAR_SYNC_MAX_DRAWS: runs as a job. */
const JOB_DRAWS = 100_000_000;

describe.each(JOB_QUEUES)('RunExecutor on %s (the audit of runs, jobs and their events)', (_queue, queueEnv) => {
  let app: DatabaseTestApp;
  let executor: RunExecutor;
  let runs: RunsService;
  let plans: TestPlans;
  let env: Record<string, string>;
  const plan = (execute: RunPlan['execute'], draws = JOB_DRAWS): RunPlan => plans.plan(execute, draws);

  beforeEach(async () => {
    env = queueEnv();
    app = await createDatabaseTestApp({ name: 'var-runs', settingsClass: VarEnv, storage: varStorage, modules: [RunsModule], env });
    executor = app.get(RunExecutor);
    runs = app.get(RunsService);
    plans = new TestPlans(executor);
  });
  afterEach(async () => {
    await app.close();
    await removeQueueKeys(env);
  });

  const eventsOf = async (runId: string) =>
    (await pendingEvents(app.dataSource.manager, VAR_OUTBOX, 1000)).filter((e) => (e.payload as { runId: string }).runId === runId);
  const finished = async (userId: string, id: string): Promise<RunView> => {
    let run: RunView | undefined;
    await waitUntil('the job to finish', async () => ['succeeded', 'failed'].includes((run = await runs.get(userId, id)).status));
    return run!;
  };

  it('answers a small run at once with its stored result, and tells no one', async () => {
    const userId = uuidv4();
    const reply = await executor.submit(userId, plan(async () => ({ answer: 42 }), 1000));
    expect(reply.accepted).toBe(false);
    expect(reply.run).toMatchObject({ status: 'succeeded', progress: 1, result: { answer: 42 } });
    expect(await runs.get(userId, reply.run.id)).toEqual(reply.run);
    expect(await eventsOf(reply.run.id)).toEqual([]);
  });

  it('queues a large run, stores its progress at each tenth, then its result, telling the owner through the outbox', async () => {
    const userId = uuidv4();
    const reply = await executor.submit(
      userId,
      plan(async (onProgress) => {
        for (let done = 1; done <= 40; done++) onProgress(done / 40);
        return { trades: [] };
      }),
    );
    expect(reply).toMatchObject({ accepted: true, run: { status: 'queued', progress: 0 } });
    const run = await finished(userId, reply.run.id);
    expect(run).toMatchObject({ status: 'succeeded', progress: 1, result: { trades: [] }, error: null });

    const events = await eventsOf(run.id);
    expect(events.every((e) => e.userId === userId)).toBe(true);
    expect(events.filter((e) => e.type === 'var.progress').map((e) => (e.payload as { progress: number }).progress)).toEqual([
      0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9,
    ]);
    expect(events.filter((e) => e.type === 'var.completed').map((e) => e.payload)).toEqual([
      { runId: run.id, kind: 'strategy', status: 'succeeded', durationMs: expect.any(Number), error: null },
    ]);
  });

  it('stores a failed job with its reason, without leaking an unexpected error', async () => {
    const userId = uuidv4();
    const refused = await executor.submit(userId, plan(() => Promise.reject(new DomainError(ErrorCode.VALIDATION_FAILED, 'too few rows'))));
    const crashed = await executor.submit(userId, plan(() => Promise.reject(new Error('secret internals'))));
    expect((await finished(userId, refused.run.id)).error).toEqual({ code: 'VALIDATION_FAILED', message: 'too few rows' });
    const failed = await finished(userId, crashed.run.id);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'INTERNAL' } });
    expect(failed.error!.message).not.toContain('secret');
    expect((await eventsOf(crashed.run.id)).map((e) => e.payload)).toEqual([
      expect.objectContaining({ status: 'failed', error: { code: 'INTERNAL', message: failed.error!.message } }),
    ]);
  });

  it('fails a job that a stopped replica left running when a replica starts, and tells its owner', async () => {
    const userId = uuidv4();
    const longAgo = new Date(Date.now() - 10 * 60_000);
    const id = uuidv4();
    await insertRun(app.dataSource.manager, {
      id,
      userId,
      kind: 'portfolio',
      status: 'running',
      ticker: null,
      params: {},
      result: null,
      errorCode: null,
      errorMessage: null,
      progressPermille: 300,
      durationMs: null,
      createdAt: longAgo,
      startedAt: longAgo,
      finishedAt: null,
    });
    await executor.onApplicationBootstrap(); // as a replica does when it starts
    expect(await runs.get(userId, id)).toMatchObject({ status: 'failed', progress: 0.3, error: { code: 'SERVICE_UNAVAILABLE' } });
    expect((await eventsOf(id)).map((e) => e.type)).toEqual(['var.completed']);
  });

  it('shows runs to their owner only', async () => {
    const owner = uuidv4();
    const reply = await executor.submit(owner, plan(async () => ({}), 10));
    await expect(runs.get(uuidv4(), reply.run.id)).rejects.toMatchObject({ code: 'RUN_NOT_FOUND' });
    expect((await runs.list(uuidv4(), {})).items).toEqual([]);
    expect((await runs.list(owner, {})).items.map((r) => r.id)).toEqual([reply.run.id]);
  });
});
