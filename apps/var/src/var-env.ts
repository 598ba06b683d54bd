import { EnvInt } from '@finstack/config';
import { ObjectStoreEnv } from '@finstack/object-store';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/**
 * Settings of the var service: its database (runs and outbox), the object
 * store of price histories, and when a request becomes a background job.
 */
export class VarEnv extends ObjectStoreEnv {
  /**
   * Simulated draws (samples × signals, or samples × holdings) above which a
   * request is accepted as a job (202) instead of answered at once: about
   * 0.3 s of work on a 2-core machine, far inside the gateway's timeout.
   */
  @EnvInt()
  @IsInt()
  @Min(1)
  VAR_SYNC_MAX_DRAWS = 50_000_000;

  /** Jobs run one after another per replica by default: each already uses every core through its shards. */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(16)
  VAR_JOB_CONCURRENCY = 1;

  /** Worker threads that every analysis of a replica shares; 0 means one per core the replica has. */
  @EnvInt()
  @IsInt()
  @Min(0)
  @Max(64)
  VAR_POOL_SIZE = 0;

  /** Analyses answered at once (201) that may run together in a replica; more are refused with 429 ANALYSIS_CAPACITY. */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(64)
  VAR_SYNC_CONCURRENCY = 2;

  /** Jobs a replica holds waiting for their turn; more are refused with 429 ANALYSIS_CAPACITY. */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(10_000)
  VAR_MAX_QUEUED_JOBS = 100;

  /** Analyses one user may have queued or running at once, across replicas; more are refused with 429. */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(100)
  VAR_USER_ACTIVE_RUNS = 3;

  /**
   * Redis of the durable job queue (BullMQ), shared by every var replica: a
   * job outlives the replica that accepted it. Unset: jobs wait in this
   * process and are lost (marked failed at the next start) if it stops.
   */
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Prefix of the job queue's keys in Redis (several systems, or test runs, may share one Redis). */
  @Matches(/^[A-Za-z0-9:_-]{1,64}$/, { message: 'VAR_QUEUE_PREFIX must be 1 to 64 letters, digits, ":", "_" or "-"' })
  VAR_QUEUE_PREFIX = 'finstack';

  /**
   * How long a replica's hold on a running job lasts unless renewed (it is,
   * every half of it, while the replica lives). A replica that dies gives its
   * job to another within about twice this.
   */
  @EnvInt()
  @IsInt()
  @Min(1000)
  @Max(600_000)
  VAR_JOB_LOCK_MS = 30_000;
}
