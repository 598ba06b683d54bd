import { EnvInt } from '@finstack/config';
import { ObjectStoreEnv } from '@finstack/object-store';
import { IsInt, Max, Min } from 'class-validator';

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
}
