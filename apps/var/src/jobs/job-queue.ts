import { RunKind } from '@finstack/contracts';

/** What a queued analysis needs to be run by any replica: its stored run and the request as understood. */
export interface QueuedJob {
  runId: string;
  userId: string;
  kind: RunKind;
  params: Record<string, unknown>;
  /** W3C traceparent of the request that queued it: the job's span links to it. */
  traceparent?: string;
}

/** Runs one job to its end; it stores the outcome itself, so it throws only when it could not. */
export type JobHandler = (job: QueuedJob) => Promise<void>;

export interface JobCounts {
  /** Accepted and not started. */
  waiting: number;
  /** Being run now, by any replica sharing the queue. */
  active: number;
}

/**
 * The queue of analysis jobs. Two implementations behind this one interface:
 * BullMQ on Redis when REDIS_URL is set (shared by every var replica, and a
 * job whose replica dies is run by another), an in-process queue otherwise.
 */
export abstract class JobQueue {
  /**
   * Starts running jobs with the handler, at most `concurrency` at once in this
   * replica. `givenUp` hears of a job the queue will not run again (on Redis:
   * its replicas died under it three times, or its handler threw).
   */
  abstract start(handler: JobHandler, concurrency: number, givenUp?: JobHandler): Promise<void>;
  /** Queues a job; it is run once (a second add of the same run is ignored). */
  abstract add(job: QueuedJob): Promise<void>;
  /** Jobs waiting and running: across every replica on Redis, this replica's in process. */
  abstract counts(): Promise<JobCounts>;
  /** The runs the queue holds (waiting or running): their rows are kept alive by the heartbeat. */
  abstract heldRunIds(): Promise<string[]>;
  /** Stops taking jobs. In process the queued ones are lost (and failed at the next start); on Redis they stay for another replica. */
  abstract close(): Promise<void>;
}
