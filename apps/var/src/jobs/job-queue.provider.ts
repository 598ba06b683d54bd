import { Provider } from '@nestjs/common';
import { VarEnv } from '../var-env';
import { BullJobQueue } from './bull-job-queue';
import { JobQueue } from './job-queue';
import { MemoryJobQueue } from './memory-job-queue';

/** The queue every var replica shares. */
export const VAR_JOB_QUEUE_NAME = 'var-runs';

/** BullMQ on Redis when REDIS_URL is set, the in-process queue otherwise. */
export const jobQueueProvider: Provider = {
  provide: JobQueue,
  inject: [VarEnv],
  useFactory: (env: VarEnv): JobQueue =>
    env.REDIS_URL
      ? new BullJobQueue({
          url: env.REDIS_URL,
          prefix: env.VAR_QUEUE_PREFIX,
          name: VAR_JOB_QUEUE_NAME,
          lockMs: env.VAR_JOB_LOCK_MS,
          maxWaiting: env.VAR_MAX_QUEUED_JOBS,
        })
      : new MemoryJobQueue(),
};
