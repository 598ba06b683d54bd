import { DomainError, DomainEvent, ERROR_HTTP_STATUS, ErrorCode } from '@finstack/contracts';
import { TransactionOf } from '@finstack/database';
import { linksTo } from '@finstack/tracing';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { countRefusal, DEFAULT_DEAD_LETTER_AFTER, markPublished, outboxBacklog, pendingEvents } from './outbox-events';

/** Sends events and answers the ids the receiver acknowledged, a prefix of them. */
export type EventSender = (events: DomainEvent[]) => Promise<string[]>;

export interface OutboxRelayOptions {
  table: string;
  /**
   * Runs a unit of work in a database transaction: the app's TransactionRunner.
   * On SQLite it queues the relay's reads behind the app's open writes, which
   * share its one connection, so the relay never reads an uncommitted event.
   */
  run: TransactionOf;
  /**
   * Runs one statement that needs no transaction (reading the pending events,
   * marking some published): the TransactionRunner's autocommit. Default: run.
   */
  autocommit?: TransactionOf;
  send: EventSender;
  /** Events per send. */
  batchSize?: number;
  /** How often to look for events when nobody wakes the relay. */
  pollIntervalMs?: number;
  /** First wait after a failed send; it doubles per failure, up to maxBackoffMs. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  logger?: { log(message: string): void; warn(message: string): void };
  now?: () => Date;
  /** Refusals of one event after which it is dead-lettered: kept in the table, never sent again, counted by the backlog. */
  deadLetterAfter?: number;
  /**
   * Whether a failed send is the receiver refusing what it was sent (it will
   * refuse it again), rather than an outage. Default: a DomainError of a 4xx
   * kind (VALIDATION_FAILED, ...) other than a rate limit.
   */
  isRefusal?: (error: unknown) => boolean;
}

const tracer = trace.getTracer('@finstack/outbox');

const DEFAULTS = {
  batchSize: 200,
  pollIntervalMs: 500,
  initialBackoffMs: 100,
  maxBackoffMs: 5000,
  deadLetterAfter: DEFAULT_DEAD_LETTER_AFTER,
  isRefusal: isReceiverRefusal,
};

export function isReceiverRefusal(error: unknown): boolean {
  if (!(error instanceof DomainError) || error.code === ErrorCode.TOO_MANY_REQUESTS) return false;
  const status = ERROR_HTTP_STATUS[error.code];
  return status >= 400 && status < 500;
}

/** A single event the receiver refused, not yet often enough to be dead-lettered: the relay backs off and tries it again. */
class EventRefusedError extends Error {}

/**
 * Sends a producer's outbox to its consumer, oldest first: reads pending
 * events (committed ones only: they are rows of committed transactions), sends
 * a batch, marks what was acknowledged, and repeats while there is more. A
 * failed send is retried after a backoff that doubles up to a cap, so a
 * consumer that is down for minutes gets everything within seconds of coming
 * back. A batch the receiver refuses is sent again one event at a time, so
 * one bad event cannot hold back the others: its refusals are counted
 * (attempts), and at deadLetterAfter it is dead-lettered, with a log line and
 * the backlog's deadLettered count, and the events after it flow. The producer calls `wake()` after committing
 * events, so they leave at once instead of at the next poll.
 */
export class OutboxRelay {
  private readonly options: Required<Omit<OutboxRelayOptions, 'logger'>> & Pick<OutboxRelayOptions, 'logger'>;
  private running?: Promise<void>;
  private stopped = true;
  private failures = 0;
  private wakeSleeper?: () => void;
  private woken = false;

  constructor(options: OutboxRelayOptions) {
    this.options = { ...DEFAULTS, now: () => new Date(), autocommit: options.run, ...options };
  }

  start(): void {
    if (this.running) return;
    this.stopped = false;
    this.running = this.loop();
  }

  /** New events were committed: send them now, unless the consumer is down (the backoff stands). */
  wake(): void {
    this.woken = true;
    if (this.failures === 0) this.wakeSleeper?.();
  }

  /** Finishes the send under way (bounded by the sender's timeout), then stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeSleeper?.();
    await this.running;
    this.running = undefined;
  }

  /** How many events wait and how old the oldest is: what the outbox lag metric reads at each scrape. */
  backlog(): Promise<{ pending: number; oldestOccurredAt?: Date; deadLettered: number }> {
    return this.options.run((executor) => outboxBacklog(executor, this.options.table, this.options.deadLetterAfter));
  }

  /**
   * Sends batches until nothing is pending; the number of events acknowledged.
   * A batch short of batchSize held every event committed before it was read,
   * so it is the last: a later commit wakes the relay for another drain.
   * Throws what the send threw; the events stay pending.
   */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const { pending, acknowledged } = await this.sendBatch();
      total += acknowledged;
      if (pending === 0 || (pending < this.options.batchSize && acknowledged === pending)) return total;
      if (acknowledged < pending) {
        // The consumer took a prefix: the rest is retried after a backoff, not at once.
        if (acknowledged === 0) throw new Error(`${this.options.table}: the receiver acknowledged none of ${pending} events`);
        return total;
      }
    }
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let waitMs: number;
      try {
        this.woken = false;
        await this.drain();
        if (this.failures > 0) this.options.logger?.log(`${this.options.table}: sending again after ${this.failures} failed attempts`);
        this.failures = 0;
        waitMs = this.woken ? 0 : this.options.pollIntervalMs;
      } catch (error) {
        this.failures += 1;
        waitMs = Math.min(this.options.initialBackoffMs * 2 ** (this.failures - 1), this.options.maxBackoffMs);
        // Once, then every 20th time: a consumer down for minutes must not flood the log.
        if (this.failures === 1 || this.failures % 20 === 0) {
          this.options.logger?.warn(`${this.options.table}: send failed (${(error as Error).message}); attempt ${this.failures}, next in ${waitMs} ms`);
        }
      }
      if (waitMs > 0 && !this.stopped) await this.sleep(waitMs);
    }
  }

  private async sendBatch(): Promise<{ pending: number; acknowledged: number }> {
    const { table, autocommit, batchSize, deadLetterAfter, isRefusal } = this.options;
    const events = await autocommit((executor) => pendingEvents(executor, table, batchSize, deadLetterAfter));
    if (events.length === 0) return { pending: 0, acknowledged: 0 };
    let acknowledged: string[];
    try {
      acknowledged = await this.tracedSend(events);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      return { pending: events.length, acknowledged: await this.sendOneByOne(events) };
    }
    return { pending: events.length, acknowledged: await this.mark(events, acknowledged) };
  }

  /** Marks the acknowledged ones of `events` published; how many there were. */
  private async mark(events: readonly DomainEvent[], acknowledged: readonly string[]): Promise<number> {
    const sent = new Set(events.map((event) => event.id));
    const marked = acknowledged.filter((id) => sent.has(id));
    // Marking again what is already marked is harmless: each slice may commit on its own.
    if (marked.length > 0) await this.options.autocommit((executor) => markPublished(executor, this.options.table, marked, this.options.now()));
    return marked.length;
  }

  /**
   * After a refused batch: each event alone, in order, to find the one(s)
   * refused. The events settled (acknowledged or dead-lettered) count as sent;
   * a refused event not yet dead-lettered stops the pass, so the order holds
   * while it is retried.
   */
  private async sendOneByOne(events: readonly DomainEvent[]): Promise<number> {
    const { table, run, deadLetterAfter, isRefusal, logger } = this.options;
    let settled = 0;
    for (const event of events) {
      try {
        const acknowledged = await this.mark([event], await this.tracedSend([event]));
        if (acknowledged === 0) return settled; // not pushed yet: the rest waits, as for a batch
        settled += 1;
      } catch (error) {
        if (!isRefusal(error)) throw error;
        const refusals = await run((executor) => countRefusal(executor, table, event.id));
        if (refusals < deadLetterAfter) {
          throw new EventRefusedError(`event ${event.id} (${event.type}) refused ${refusals} of ${deadLetterAfter} times: ${(error as Error).message}`);
        }
        logger?.warn(`${table}: event ${event.id} (${event.type}) dead-lettered after ${refusals} refusals: ${(error as Error).message}`);
        settled += 1;
      }
    }
    return settled;
  }

  /**
   * The send in a span of its own trace, linked to the traces of the requests
   * that wrote the events; the call to the consumer is its child, so the push
   * is reached from the request by following the links.
   */
  private async tracedSend(events: DomainEvent[]): Promise<string[]> {
    const span = tracer.startSpan(`outbox.relay ${this.options.table}`, {
      kind: SpanKind.PRODUCER,
      links: linksTo(events.map((event) => event.traceparent)),
      attributes: { 'messaging.system': 'finstack-outbox', 'messaging.destination.name': this.options.table, 'messaging.batch.message_count': events.length },
    });
    try {
      return await context.with(trace.setSpan(context.active(), span), () => this.options.send(events));
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeSleeper = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeSleeper = done;
    });
  }
}
