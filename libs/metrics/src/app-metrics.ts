import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, Summary } from 'prom-client';

/** Seconds: from a cached read (a few ms) to the RPC timeout's neighbourhood. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The window of the p99 gauges: what CloudWatch plots per minute. */
const P99_WINDOW_SECONDS = 60;

/** Jobs of one queue by state. */
export interface JobQueueCounts {
  waiting: number;
  active: number;
}

/** How old the oldest unpublished event of one outbox is, and how many wait. */
export interface OutboxBacklog {
  pending: number;
  oldestOccurredAt?: Date;
  /** Events the receiver refused too often: kept, never sent again, until an operator re-drives them. */
  deadLettered?: number;
}

/**
 * Every series one app exposes on GET /metrics, in its own registry (labelled
 * with the app's name), with Node's process metrics. One instance per process.
 */
export class AppMetrics {
  readonly registry = new Registry();

  /** HTTP requests by method, route template (never the raw URL: ids would explode the series) and status. */
  readonly httpDuration = new Histogram({
    name: 'finstack_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  /** TCP messages handled by this service, by pattern and outcome (ok, error). */
  readonly rpcDuration = new Histogram({
    name: 'finstack_rpc_handling_duration_seconds',
    help: 'RPC messages handled by this service, by pattern and outcome',
    labelNames: ['pattern', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  /*
   * The p99 of the last minute, per route and per pattern, as gauges: the
   * histograms above answer any percentile in Prometheus, but CloudWatch keeps
   * only the count and sum of an explicit-bucket histogram, so the dashboard's
   * p99 by route and by pattern read these.
   */
  private readonly recentHttp = recentWindow(['method', 'route']);
  private readonly recentRpc = recentWindow(['pattern']);
  private readonly httpP99: Gauge<'method' | 'route'> = new Gauge({
    name: 'finstack_http_request_p99_seconds',
    help: 'p99 of HTTP request durations over the last minute, by method and route template',
    labelNames: ['method', 'route'] as const,
    registers: [this.registry],
    collect: (): Promise<void> => copyP99(this.recentHttp, this.httpP99),
  });
  private readonly rpcP99: Gauge<'pattern'> = new Gauge({
    name: 'finstack_rpc_handling_p99_seconds',
    help: 'p99 of RPC handling durations over the last minute, by pattern',
    labelNames: ['pattern'] as const,
    registers: [this.registry],
    collect: (): Promise<void> => copyP99(this.recentRpc, this.rpcP99),
  });

  /** Errors answered, by domain error code (ErrorCode), over HTTP or RPC. */
  readonly errors = new Counter({
    name: 'finstack_errors_total',
    help: 'Errors answered, by domain error code and transport',
    labelNames: ['code', 'transport'] as const,
    registers: [this.registry],
  });

  private readonly outboxes = new Map<string, () => Promise<OutboxBacklog>>();
  private readonly outboxPending = new Gauge({
    name: 'finstack_outbox_pending_events',
    help: 'Events written to the outbox and not yet acknowledged by notifications',
    labelNames: ['table'] as const,
    registers: [this.registry],
    collect: () => this.collectOutboxes(),
  });
  private readonly outboxLag = new Gauge({
    name: 'finstack_outbox_lag_seconds',
    help: 'Age of the oldest event not yet acknowledged (0 when none waits)',
    labelNames: ['table'] as const,
    registers: [this.registry],
    collect: () => this.collectOutboxes(),
  });
  private readonly outboxDeadLettered = new Gauge({
    name: 'finstack_outbox_dead_lettered_events',
    help: 'Events the receiver refused too often, dead-lettered: kept in the outbox and never sent again',
    labelNames: ['table'] as const,
    registers: [this.registry],
    collect: () => this.collectOutboxes(),
  });
  /** The read under way: the outbox gauges are collected at once in a scrape and share it. */
  private outboxRead?: Promise<void>;

  private readonly queues = new Map<string, () => Promise<JobQueueCounts>>();
  private readonly queueJobs = new Gauge({
    name: 'finstack_job_queue_jobs',
    help: 'Jobs of a queue by state (waiting, active); a queue shared by replicas reports the same from each',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
    collect: () => this.collectQueues(),
  });

  private countSockets?: () => number;
  private readonly sockets = new Gauge({
    name: 'finstack_socketio_connected_sockets',
    help: 'Authenticated Socket.IO connections on this replica',
    registers: [this.registry],
    collect: () => {
      if (this.countSockets) this.sockets.set(this.countSockets());
    },
  });

  constructor(app: string) {
    this.registry.setDefaultLabels({ app });
    collectDefaultMetrics({ register: this.registry });
  }

  /** Reads one outbox's backlog at each scrape. */
  watchOutbox(table: string, backlog: () => Promise<OutboxBacklog>): void {
    this.outboxes.set(table, backlog);
  }

  /** Reads a job queue's counts at each scrape. */
  watchJobQueue(queue: string, counts: () => Promise<JobQueueCounts>): void {
    this.queues.set(queue, counts);
  }

  /** One HTTP request answered: the histogram and the last minute's p99. */
  observeHttp(labels: { method: string; route: string; status: string }, seconds: number): void {
    this.httpDuration.observe(labels, seconds);
    this.recentHttp.observe({ method: labels.method, route: labels.route }, seconds);
  }

  /** One RPC message handled. */
  observeRpc(labels: { pattern: string; outcome: string }, seconds: number): void {
    this.rpcDuration.observe(labels, seconds);
    this.recentRpc.observe({ pattern: labels.pattern }, seconds);
  }

  /** Reads the number of connected sockets at each scrape. */
  watchSockets(count: () => number): void {
    this.countSockets = count;
  }

  /** The text exposition format Prometheus scrapes. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private async collectQueues(): Promise<void> {
    await Promise.all(
      [...this.queues].map(async ([queue, counts]) => {
        // Redis not answering must not fail the scrape either.
        const read = await withTimeout(counts(), OUTBOX_READ_TIMEOUT_MS).catch(() => undefined);
        if (!read) return;
        this.queueJobs.set({ queue, state: 'waiting' }, read.waiting);
        this.queueJobs.set({ queue, state: 'active' }, read.active);
      }),
    );
  }

  private collectOutboxes(): Promise<void> {
    this.outboxRead ??= this.readOutboxes().finally(() => {
      this.outboxRead = undefined;
    });
    return this.outboxRead;
  }

  private async readOutboxes(): Promise<void> {
    await Promise.all(
      [...this.outboxes].map(async ([table, backlog]) => {
        // A database that does not answer must not fail the whole scrape: the last values stand.
        const read = await withTimeout(backlog(), OUTBOX_READ_TIMEOUT_MS).catch(() => undefined);
        if (!read) return;
        this.outboxPending.set({ table }, read.pending);
        const lagMs = read.oldestOccurredAt ? Date.now() - read.oldestOccurredAt.getTime() : 0;
        this.outboxLag.set({ table }, Math.max(lagMs, 0) / 1000);
        this.outboxDeadLettered.set({ table }, read.deadLettered ?? 0);
      }),
    );
  }
}

const OUTBOX_READ_TIMEOUT_MS = 1000;

/** A sliding one-minute window of durations, not exposed itself: the p99 gauges read it. */
function recentWindow(labelNames: string[]): Summary<string> {
  return new Summary({ name: 'window', help: 'window', labelNames, percentiles: [0.99], maxAgeSeconds: P99_WINDOW_SECONDS, ageBuckets: 6, registers: [] });
}

async function copyP99(window: Summary<string>, gauge: Gauge<string>): Promise<void> {
  gauge.reset();
  for (const { labels, value } of (await window.get()).values) {
    if (labels.quantile !== 0.99 || !Number.isFinite(value)) continue;
    const { quantile: _quantile, ...series } = labels;
    gauge.set(series as Record<string, string>, value);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
