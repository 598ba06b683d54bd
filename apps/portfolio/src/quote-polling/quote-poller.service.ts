import { MAX_QUOTES_PER_BATCH, QuoteInput } from '@finstack/contracts';
import { Envelope } from '@finstack/crypto';
import { isMysqlSource } from '@finstack/database';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CONNECTION_KEY_PURPOSE, markConnectionFailed, markConnectionUsed, selectProviderConnections } from '../connections/market-connection-rows';
import { InjectGate } from '../market-data/market-data.tokens';
import { ProviderGate } from '../market-data/provider-gate';
import { ProviderCircuitOpenError, ProviderKeyRefusedError } from '../market-data/provider-errors';
import { PortfolioEnv } from '../portfolio-env';
import { QuoteIngestService } from '../quotes/quote-ingest.service';
import { InProcessLeadership, MysqlNamedLockLeadership, PollLeadership } from './poll-leadership';
import { KeyOwner, planPoll, PollGroup } from './poll-plan';
import { selectTrackedTickers } from './tracked-ticker-rows';

/** Quotes written per ingest call while a group is fetched, so the first prices show before the last are in. */
const FLUSH_EVERY = 50;
/** Calls of one key in flight at once. */
const CALLS_IN_FLIGHT_PER_KEY = 4;

export interface PollOutcome {
  fetched: number;
  written: number;
  /** Tickers left for the next poll (limit reached, provider failing). */
  deferred: number;
  unknown: number;
  uncovered: number;
}

/**
 * Keeps every held or watched ticker quoted: every QUOTE_POLL_SECONDS the
 * replica that leads (see PollLeadership) fetches each ticker with a key that
 * covers it and writes the quotes through the quote ingest, so stored
 * quotes, alerts, the outbox and pushes behave as for any posted quote.
 * Tickers a poll cannot reach in its period (the key's limit, a 429, an open
 * circuit) are fetched first at the next one: least recently fetched first.
 */
@Injectable()
export class QuotePollerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QuotePollerService.name);
  private readonly leadership: PollLeadership;
  private readonly lastFetched = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;
  private writes: Promise<void> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: PortfolioEnv,
    private readonly envelope: Envelope,
    private readonly ingestion: QuoteIngestService,
    @InjectGate() private readonly gate: ProviderGate,
  ) {
    this.leadership = isMysqlSource(dataSource) ? new MysqlNamedLockLeadership(dataSource) : new InProcessLeadership();
  }

  onApplicationBootstrap(): void {
    if (!this.env.QUOTE_POLLING) return;
    const periodMs = this.env.QUOTE_POLL_SECONDS * 1000;
    this.timer = setInterval(() => void this.tick(periodMs), periodMs);
    this.timer.unref();
    void this.tick(periodMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
    await this.leadership.release();
  }

  /** One poll if this replica leads and the previous one has finished. */
  private async tick(periodMs: number): Promise<void> {
    if (this.running || this.stopped) return;
    const work = (async () => {
      if (!(await this.leadership.isLeader())) return;
      await this.pollOnce(Date.now() + periodMs);
    })();
    this.running = work;
    try {
      await work;
    } catch (error) {
      this.logger.warn(`quote poll failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = undefined;
    }
  }

  /** Fetches what the keys' limits allow before `deadline` (epoch ms) and writes it. */
  async pollOnce(deadline: number): Promise<PollOutcome> {
    const manager = this.dataSource.manager;
    const [tracked, connections] = await Promise.all([selectTrackedTickers(manager), selectProviderConnections(manager, this.gate.provider.id)]);
    const connectionsByUser = new Map(connections.map((connection) => [connection.userId, connection.id]));
    const sealedById = new Map(connections.map((connection) => [connection.id, connection.sealedKey]));
    const { groups, uncovered } = planPoll(tracked, connectionsByUser, Boolean(this.env.MARKET_DATA_API_KEY));
    const outcomes = await Promise.all(groups.map((group) => this.pollGroup(group, sealedById, deadline)));
    const total = outcomes.reduce(
      (sum, outcome) => ({
        fetched: sum.fetched + outcome.fetched,
        written: sum.written + outcome.written,
        deferred: sum.deferred + outcome.deferred,
        unknown: sum.unknown + outcome.unknown,
        uncovered: sum.uncovered,
      }),
      { fetched: 0, written: 0, deferred: 0, unknown: 0, uncovered: uncovered.length },
    );
    if (total.fetched > 0 || total.deferred > 0) this.logger.log({ msg: 'quote poll', ...total });
    return total;
  }

  private async pollGroup(group: PollGroup, sealedById: ReadonlyMap<string, string>, deadline: number): Promise<PollOutcome> {
    const outcome: PollOutcome = { fetched: 0, written: 0, deferred: 0, unknown: 0, uncovered: 0 };
    const apiKey = await this.keyOf(group.owner, sealedById);
    if (apiKey === undefined) {
      outcome.deferred = group.tickers.length;
      return outcome;
    }
    // Least recently fetched first: what a previous poll could not reach goes before the rest.
    const tickers = [...group.tickers].sort((a, b) => (this.lastFetched.get(a) ?? 0) - (this.lastFetched.get(b) ?? 0));
    let pending: QuoteInput[] = [];
    const flush = async () => {
      const quotes = pending;
      pending = [];
      if (quotes.length > 0) await this.write(quotes, outcome);
    };
    let failure: string | undefined;
    let next = 0;
    let stop = false;
    // A few calls of one key in flight at once: the bucket still spaces them at the key's limit.
    const worker = async () => {
      while (!stop && !this.stopped && next < tickers.length) {
        // A call that could not start before the period ends belongs to the next poll.
        if (Date.now() + this.gate.waitMs(apiKey) >= deadline) break;
        const ticker = tickers[next++]!;
        try {
          const quote = await this.gate.call(apiKey, (provider) => provider.quote(apiKey, ticker), { retryUntil: deadline });
          this.lastFetched.set(ticker, Date.now());
          outcome.fetched += 1;
          if (quote === null) outcome.unknown += 1;
          else pending.push({ ticker, price: quote.price, at: quote.at.toISOString() });
        } catch (error) {
          failure = error instanceof Error ? error.message : String(error);
          outcome.deferred += 1;
          // A refused key or an open circuit stops this key's poll; anything else skips to the next ticker.
          if (error instanceof ProviderKeyRefusedError || error instanceof ProviderCircuitOpenError) stop = true;
        }
        if (pending.length >= FLUSH_EVERY) await flush();
      }
    };
    await Promise.all(Array.from({ length: CALLS_IN_FLIGHT_PER_KEY }, worker));
    const index = next;
    outcome.deferred += tickers.length - index;
    await flush();
    if (outcome.fetched > 0) await this.recordUse(group.owner, undefined);
    if (failure !== undefined) await this.recordUse(group.owner, failure);
    return outcome;
  }

  /**
   * Writes through the quote ingest one batch at a time: the groups' batches
   * would otherwise deadlock each other on MySQL's gap locks of new tickers.
   * A batch that cannot be written is logged and its tickers fetched first
   * next time, rather than failing the whole poll.
   */
  private write(quotes: QuoteInput[], outcome: PollOutcome): Promise<void> {
    const written = this.writes.then(async () => {
      try {
        for (let start = 0; start < quotes.length; start += MAX_QUOTES_PER_BATCH) {
          const result = await this.ingestion.ingest({ quotes: quotes.slice(start, start + MAX_QUOTES_PER_BATCH) });
          outcome.written += result.accepted;
        }
      } catch (error) {
        for (const quote of quotes) this.lastFetched.delete(quote.ticker);
        outcome.deferred += quotes.length;
        this.logger.warn(`polled quotes not written, retried next poll: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    this.writes = written;
    return written;
  }

  private async keyOf(owner: KeyOwner, sealedById: ReadonlyMap<string, string>): Promise<string | undefined> {
    if (owner.kind === 'system') return this.env.MARKET_DATA_API_KEY;
    try {
      return await this.envelope.openText(sealedById.get(owner.connectionId)!, { purpose: CONNECTION_KEY_PURPOSE, userId: owner.userId });
    } catch (error) {
      await this.recordUse(owner, `the stored key cannot be opened: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  private async recordUse(owner: KeyOwner, failure: string | undefined): Promise<void> {
    if (owner.kind === 'system') {
      if (failure) this.logger.warn(`system market-data key: ${failure}`);
      return;
    }
    const manager = this.dataSource.manager;
    if (failure === undefined) await markConnectionUsed(manager, owner.connectionId, new Date());
    else await markConnectionFailed(manager, owner.connectionId, failure, new Date());
  }
}
