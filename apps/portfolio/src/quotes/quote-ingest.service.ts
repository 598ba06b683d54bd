import { IngestQuotesBody, QuotesIngested } from '@finstack/contracts';
import { isMysqlSource, TransactionRunner } from '@finstack/database';
import { appendEvents, OutboxRelay } from '@finstack/outbox';
import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { insertPriceAlerts } from '../alerts/price-alert-rows';
import { PORTFOLIO_OUTBOX } from '../common/portfolio-sql';
import { disarmWatchEntries } from '../watchlist/watch-entry-rows';
import { batchOutcome } from './batch-outcome';
import { findCrossings } from './crossed-entries';
import { readIncomingQuotes } from './incoming-quotes';
import { findLatestQuotes, saveLatestQuotes } from './latest-quote-rows';
import { planQuotes } from './quote-plan';

/**
 * Stores a batch of quotes (from the gateway, which checked the operator role
 * or the ingest key) and fires the watchlist alerts they reach, all in one
 * database transaction: the new prices, the alerts, the disarmed entries and
 * every event in the outbox commit together or not at all. A handful of
 * statements per batch, not per quote: read the stored quotes, read the
 * crossed entries (ranges of the crossing index), then a multi-row write per
 * table.
 */
@Injectable()
export class QuoteIngestService {
  private readonly mysql: boolean;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly runner: TransactionRunner,
    // Absent where no relay runs (unit specs of the feature modules).
    @Optional() private readonly relay?: OutboxRelay,
  ) {
    this.mysql = isMysqlSource(dataSource);
  }

  async ingest(body: IngestQuotesBody): Promise<QuotesIngested> {
    const now = new Date();
    const incoming = readIncomingQuotes(body.quotes, now);
    const tickers = [...new Set(incoming.map((quote) => quote.ticker))].sort();
    const lock = this.mysql;
    const outcome = await this.runner.run(async (manager) => {
      const stored = await findLatestQuotes(manager, tickers, { lock });
      const plan = planQuotes(incoming, stored);
      const crossings = await findCrossings(manager, plan.tickers, { lock });
      const { alerts, events } = batchOutcome(plan, crossings, now);
      await saveLatestQuotes(manager, this.mysql ? 'mysql' : 'sqlite', plan.tickers.map((ticker) => ticker.latest), now);
      await insertPriceAlerts(manager, alerts);
      await disarmWatchEntries(manager, alerts.map((alert) => alert.watchId), now);
      await appendEvents(manager, PORTFOLIO_OUTBOX, events);
      return { accepted: incoming.length - plan.ignored, ignored: plan.ignored, alertsTriggered: alerts.length };
    });
    // Committed: the events may leave now rather than at the relay's next poll.
    if (outcome.accepted > 0) this.relay?.wake();
    return outcome;
  }
}
