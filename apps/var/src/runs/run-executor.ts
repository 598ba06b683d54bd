import { DomainError, ErrorCode, RunKind, RunReply } from '@finstack/contracts';
import { activeTraceparent, linksTo } from '@finstack/tracing';
import { AppMetrics } from '@finstack/metrics';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { JobQueue, QueuedJob } from '../jobs/job-queue';
import { VAR_JOB_QUEUE_NAME } from '../jobs/job-queue.provider';
import { VarEnv } from '../var-env';
import { toRunView } from './run.view';
import { RunFailure, RunsService } from './runs.service';

/** A request checked and sized, ready to run. */
export interface RunPlan {
  kind: RunKind;
  ticker: string | null;
  /** The request as understood, defaults filled in: stored for the audit. */
  params: Record<string, unknown>;
  /** Simulated draws (or scenario revaluations): decides between answering now and a job. */
  draws: number;
  /** The computation; it must keep the event loop free (worker threads) and report its progress. */
  execute(onProgress: (fraction: number) => void): Promise<unknown>;
}

/**
 * Makes a job's plan again from its stored parameters, in whichever replica
 * runs it (not necessarily the one that accepted it). Each kind's service registers one.
 */
export type JobPlanner = (userId: string, params: Record<string, unknown>) => Promise<RunPlan>;

const tracer = trace.getTracer('@finstack/var');

const HEARTBEAT_MS = 15_000;
/** A job whose heartbeat is older than this was left by a replica that stopped. */
const ABANDONED_AFTER_MS = 4 * HEARTBEAT_MS;
/** Progress is stored and pushed at each tenth of the work, not per signal. */
const PROGRESS_STEPS = 10;

/**
 * Runs analyses: small ones at once (the caller gets 201 with the result),
 * larger ones as jobs (202 with the run's id) put on the job queue (BullMQ on
 * Redis, shared by the replicas, or in process) and run VAR_JOB_CONCURRENCY
 * at a time per replica, with their progress and completion published through
 * the outbox. Every run is stored, whichever way it ran.
 */
@Injectable()
export class RunExecutor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RunExecutor.name);
  private readonly planners = new Map<RunKind, JobPlanner>();
  /** Synchronous runs in flight in this replica. */
  private syncRunning = 0;
  /** Jobs being admitted, not yet on the queue. */
  private queuing = 0;
  /** Runs being admitted per user in this replica: counted before their row exists. */
  private readonly admitting = new Map<string, number>();
  private heartbeat?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly runs: RunsService,
    private readonly env: VarEnv,
    private readonly queue: JobQueue,
    // Absent in unit specs of the runs module.
    @Optional() private readonly metrics?: AppMetrics,
  ) {}

  /** How jobs of a kind are planned again when they run. */
  plansJobsOf(kind: RunKind, planner: JobPlanner): void {
    this.planners.set(kind, planner);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.failAbandoned();
    clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
    await this.queue.start(
      (job) => this.runJob(job),
      this.env.VAR_JOB_CONCURRENCY,
      (job) => this.giveUp(job),
    );
    // The VaR queue depth of the dashboard, its backlog alarm and the service's scaling.
    this.metrics?.watchJobQueue(VAR_JOB_QUEUE_NAME, () => this.queue.counts());
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    await this.queue.close();
  }

  /**
   * Runs the plan at once (201) or queues it (202). Refused with 429
   * ANALYSIS_CAPACITY and a Retry-After when the replica runs all the
   * synchronous analyses it may, holds all the jobs it may, or the user
   * already has VAR_USER_ACTIVE_RUNS queued or running.
   */
  async submit(userId: string, plan: RunPlan): Promise<RunReply> {
    const sync = plan.draws <= this.env.VAR_SYNC_MAX_DRAWS;
    // Counted here, before any await, so that requests arriving together see each other.
    if (sync && this.syncRunning >= this.env.VAR_SYNC_CONCURRENCY) {
      throw atCapacity(`${this.env.VAR_SYNC_CONCURRENCY} analyses are running here already; try again in a moment`, 1);
    }
    if (!sync && this.queuing >= this.env.VAR_MAX_QUEUED_JOBS) throw this.queueFull();
    if (sync) this.syncRunning += 1;
    else this.queuing += 1;
    const release = this.admit(userId);
    try {
      await this.checkUserCap(userId);
      if (!sync && (await this.queue.counts()).waiting + this.queuing > this.env.VAR_MAX_QUEUED_JOBS) throw this.queueFull();
      return sync ? await this.runNow(userId, plan, release) : await this.enqueue(userId, plan, release);
    } finally {
      release();
      if (sync) this.syncRunning -= 1;
      else this.queuing -= 1;
    }
  }

  private queueFull(): DomainError {
    return atCapacity(`${this.env.VAR_MAX_QUEUED_JOBS} analyses are waiting already; try again in a minute`, 60);
  }

  /** Counts a request of the user until its run is stored; the returned release may be called more than once. */
  private admit(userId: string): () => void {
    this.admitting.set(userId, (this.admitting.get(userId) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = this.admitting.get(userId)! - 1;
      if (left === 0) this.admitting.delete(userId);
      else this.admitting.set(userId, left);
    };
  }

  /**
   * The user's stored live runs plus their requests this replica is admitting
   * (this one among them). The admitting count is read first: a request
   * released since then has its row stored before the count is read, so it
   * may be counted twice (refusing early) but never missed.
   */
  private async checkUserCap(userId: string): Promise<void> {
    const cap = this.env.VAR_USER_ACTIVE_RUNS;
    const admitting = this.admitting.get(userId) ?? 0;
    const stored = await this.runs.activeOf(userId, new Date(Date.now() - ABANDONED_AFTER_MS));
    if (stored + admitting > cap) {
      throw atCapacity(`you have ${cap} analyses queued or running, the most allowed; wait for one to finish`, 10);
    }
  }

  private async runNow(userId: string, plan: RunPlan, stored: () => void): Promise<RunReply> {
    const base = { userId, kind: plan.kind, ticker: plan.ticker, params: plan.params };
    const run = await this.runs.create(base, 'running');
    stored();
    const started = performance.now();
    try {
      const result = await plan.execute(() => undefined);
      return { accepted: false, run: await this.runs.succeeded(run, result, performance.now() - started, false) };
    } catch (error) {
      await this.runs.failed(run, this.failureOf(error), performance.now() - started, false);
      throw error;
    }
  }

  private async enqueue(userId: string, plan: RunPlan, stored: () => void): Promise<RunReply> {
    const base = { userId, kind: plan.kind, ticker: plan.ticker, params: plan.params };
    const run = await this.runs.create(base, 'queued');
    stored();
    const accepted = toRunView(run); // as accepted: the job may start before the reply leaves
    const traceparent = activeTraceparent();
    try {
      await this.queue.add({ runId: run.id, userId, kind: plan.kind, params: plan.params, ...(traceparent ? { traceparent } : {}) });
    } catch (error) {
      this.logger.error(`run ${run.id}: not queued: ${String(error)}`);
      const failure = { code: ErrorCode.SERVICE_UNAVAILABLE, message: 'the job queue is unavailable; try again in a minute' };
      await this.runs.failed(run, failure, 0, false);
      throw new DomainError(failure.code, failure.message);
    }
    return { accepted: true, run: accepted };
  }

  /** One job, in a span of its own linked to the request that queued it (its outbox events link to this span). */
  private runJob(job: QueuedJob): Promise<void> {
    const span = tracer.startSpan(`var.job ${job.kind}`, {
      kind: SpanKind.CONSUMER,
      links: linksTo([job.traceparent]),
      attributes: { 'messaging.system': 'finstack-var-jobs', 'messaging.message.id': job.runId },
    });
    return context
      .with(trace.setSpan(context.active(), span), () => this.runStoredJob(job))
      .catch((error: unknown) => {
        span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
        throw error;
      })
      .finally(() => span.end());
  }

  /**
   * Runs a queued job from its stored row: a job finished already (its replica
   * stored the outcome, then died before the queue heard) is not run again,
   * and a job taken over from a dead replica reports progress only beyond
   * what was stored. Throws only when the database refused its outcome.
   */
  private async runStoredJob(job: QueuedJob): Promise<void> {
    const run = await this.runs.find(job.userId, job.runId);
    if (!run || run.status === 'succeeded' || run.status === 'failed') return;
    const started = performance.now();
    try {
      const planner = this.planners.get(job.kind);
      if (!planner) throw new Error(`no planner for ${job.kind} jobs`);
      const plan = await planner(job.userId, job.params);
      await this.runs.started(run);
      let step = Math.floor((run.progressPermille / 1000) * PROGRESS_STEPS);
      let reporting = Promise.resolve();
      const result = await plan.execute((fraction) => {
        const reached = Math.floor(fraction * PROGRESS_STEPS);
        if (reached <= step || fraction >= 1) return;
        step = reached;
        // One write at a time, in order; a failed progress write must not fail the job.
        reporting = reporting.then(() => this.runs.progressed(run, reached / PROGRESS_STEPS)).catch((error: unknown) => {
          this.logger.warn(`run ${run.id}: progress not stored: ${String(error)}`);
        });
      });
      await reporting;
      await this.runs.succeeded(run, result, performance.now() - started, true);
    } catch (error) {
      // Stopping: the workers were closed under the job. On Redis another replica runs it again; in process it is failed at the next start.
      if (this.closed) return;
      this.logger.error(`run ${run.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      await this.runs.failed(run, this.failureOf(error), performance.now() - started, true);
    }
  }

  /** A job the queue will not run again fails, and its owner is told, rather than staying "running". */
  private async giveUp(job: QueuedJob): Promise<void> {
    const run = await this.runs.find(job.userId, job.runId);
    if (!run || run.status === 'succeeded' || run.status === 'failed') return;
    this.logger.warn(`run ${run.id}: given up by the job queue`);
    await this.runs.failed(run, { code: ErrorCode.SERVICE_UNAVAILABLE, message: 'the analysis was interrupted too often; run it again' }, 0, true);
  }

  private failureOf(error: unknown): RunFailure {
    if (error instanceof DomainError) return { code: error.code, message: error.message };
    return { code: ErrorCode.INTERNAL, message: 'the analysis failed unexpectedly; it was logged' };
  }

  /** Keeps the rows of the queue's jobs alive (on Redis, every replica touches every queued job: any may run it). */
  private async beat(): Promise<void> {
    try {
      await this.runs.heartbeat(await this.queue.heldRunIds());
    } catch (error) {
      this.logger.warn(`heartbeat not stored: ${String(error)}`);
    }
  }

  /**
   * Jobs left unfinished by a replica that stopped, and no longer in the queue,
   * fail and their owners are told, rather than staying "running" forever.
   * Those the queue still holds (on Redis) are run by a replica instead.
   */
  private async failAbandoned(): Promise<void> {
    const held = new Set(await this.queue.heldRunIds());
    const abandoned = (await this.runs.abandoned(new Date(Date.now() - ABANDONED_AFTER_MS))).filter((run) => !held.has(run.id));
    for (const run of abandoned) {
      const failure = { code: ErrorCode.SERVICE_UNAVAILABLE, message: 'the service stopped while this analysis ran; run it again' };
      await this.runs.failed(run, failure, 0, true);
    }
    if (abandoned.length) this.logger.warn(`${abandoned.length} abandoned analysis run(s) marked failed`);
  }
}

/** 429 ANALYSIS_CAPACITY; the gateway turns retryAfterSeconds into Retry-After. */
function atCapacity(message: string, retryAfterSeconds: number): DomainError {
  return new DomainError(ErrorCode.ANALYSIS_CAPACITY, message, { retryAfterSeconds });
}
