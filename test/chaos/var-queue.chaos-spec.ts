import { RunView } from '@finstack/contracts';
import { ApiClient, AppProcess, freePort, sessionFor, Stack, startStack } from '@finstack/testing';
import { Queue } from 'bullmq';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { createClient } from 'redis';
import { v4 as uuidv4 } from 'uuid';
import { VAR_JOB_QUEUE_NAME } from '../../apps/var/src/jobs/job-queue.provider';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Short, so the test sees a take-over in seconds; AWS keeps the 30 s default. */
const LOCK_MS = 5000;
const OPERATOR = 'chaos.operator@example.com';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Two var replicas share one BullMQ queue on the test Redis (a key prefix of
 * this run's own). The replica running a job is killed with SIGKILL mid-run;
 * the other takes the job back once its lock lapses and finishes it, and the
 * owner sees it succeed, with its progress and completion sent through the outbox.
 */
describe('chaos: the var replica running a job is killed with kill -9', () => {
  const prefix = `chaos-var-${uuidv4().slice(0, 8)}`;
  let stack: Stack;
  let second: AppProcess;
  const redis = createClient({ url: REDIS_URL });
  let queue: Queue;

  beforeAll(async () => {
    const varEnv = { REDIS_URL, VAR_QUEUE_PREFIX: prefix, VAR_JOB_LOCK_MS: String(LOCK_MS) };
    stack = await startStack({ backend: 'mysql', name: 'chaos_var', varEnv, gatewayEnv: { OPERATOR_EMAILS: OPERATOR } });
    // The second replica: the same settings, its own ports; the gateway talks to the first, both take jobs.
    second = new AppProcess({ ...stack.var.spec, env: { ...stack.var.spec.env, VAR_PORT: String(await freePort()), METRICS_PORT: String(await freePort()) } });
    const port = Number(second.spec.env.VAR_PORT);
    second.spec.ready = { port };
    await second.start();
    await redis.connect();
    queue = new Queue(VAR_JOB_QUEUE_NAME, { connection: redis, prefix });
  });
  afterAll(async () => {
    await second?.stop();
    await stack?.stop();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    if (redis.isOpen) await redis.quit();
  });

  /** The worker name (host:pid) running the run's job now, if any. */
  const runningOn = async (runId: string): Promise<string | undefined> => {
    const job = await queue.getJob(runId);
    return job && (await job.isActive()) ? job.processedBy : undefined;
  };

  it('finishes the job on the other replica and prints the recovery time', async () => {
    const api = new ApiClient(stack.baseUrl);
    const token = (await sessionFor(api, OPERATOR)).accessToken;
    const csv = readFileSync(join(__dirname, '../../data/prices/AAPL.csv'), 'utf8');
    expect((await api.put('/api/v1/market/prices/AAPL', undefined, { token, rawBody: csv, headers: { 'content-type': 'text/csv' } })).status).toBe(200);

    const request = { ticker: 'AAPL', strategy: { type: 'sma-crossover', A: 20, V: 101 }, samples: 2_000_000, shards: 2, seed: 42 };
    const accepted = await api.post<RunView>('/api/v1/var/analyses', request, { token });
    expect(accepted.status).toBe(202);
    const runId = accepted.body.id;
    const view = async () => (await api.get<RunView>(`/api/v1/var/analyses/${runId}`, { token })).body;

    // Mid-run: started, and a tenth of it reported.
    let worker: string | undefined;
    for (const began = Date.now(); Date.now() - began < 60_000; await sleep(50)) {
      worker = await runningOn(runId);
      if (worker && (await view()).progress >= 0.1) break;
    }
    expect(worker).toBeDefined();
    const victim = [stack.var, second].find((replica) => worker!.endsWith(`:${replica.pid}`))!;
    const survivor = victim === stack.var ? second : stack.var;
    const [victimPid, survivorPid] = [victim.pid, survivor.pid];
    const progressBefore = (await view()).progress;
    expect(progressBefore).toBeLessThan(1);

    const killedAt = Date.now();
    await victim.kill();
    let takenOverMs: number | undefined;
    let status = 'running';
    // Read from var's schema: the gateway reaches only the first replica, which may be the one killed.
    const database = await createConnection(stack.databases.var!);
    try {
      for (; Date.now() - killedAt < 120_000 && status === 'running'; await sleep(100)) {
        if (takenOverMs === undefined && (await runningOn(runId))?.endsWith(`:${survivorPid}`)) takenOverMs = Date.now() - killedAt;
        const [rows] = await database.query('SELECT status FROM var_runs WHERE id = ?', [runId]);
        status = (rows as Array<{ status: string }>)[0].status;
      }
    } finally {
      await database.end();
    }
    const completedMs = Date.now() - killedAt;
    if (status === 'running') console.log(`survivor's output:\n${survivor.logs().slice(-4000)}`);
    if (victim === stack.var) await stack.var.start(); // so the owner can ask the gateway again
    const finished = await view();
    console.log(
      `var queue recovery: replica pid ${victimPid} killed at ${Math.round(progressBefore * 100)} % of the job; ` +
        `pid ${survivorPid} took it over after ${takenOverMs ?? '?'} ms (lock ${LOCK_MS} ms) and finished it ${completedMs} ms after the kill`,
    );
    expect(finished).toMatchObject({ status: 'succeeded', progress: 1, error: null });
    expect(takenOverMs).toBeLessThan(3 * LOCK_MS);
    expect((finished!.result as { trades: unknown[] }).trades.length).toBeGreaterThan(300);
  });
});
