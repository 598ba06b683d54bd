import { DomainEvent } from '@finstack/contracts';
import { v7 as uuidv7 } from 'uuid';
import { PriceAlert } from '../alerts/price-alert-rows';
import { Crossing } from './crossed-entries';
import { alertTriggered, priceChanged } from './quote-events';
import { AcceptedQuote, QuotePlan } from './quote-plan';

export interface BatchOutcome {
  alerts: PriceAlert[];
  /** One price.changed per accepted quote, one alert.triggered per alert. */
  events: DomainEvent[];
}

/**
 * The alerts and events of a batch, in the order things happened: quotes by
 * time, each quote's price change before the alerts it fired. Ids are made in
 * that order too (UUIDv7), so a relay that sends the outbox in id order, and
 * the alert history, follow the market's order.
 */
export function batchOutcome(plan: QuotePlan, crossings: readonly Crossing[], now: Date): BatchOutcome {
  const firedBy = new Map<AcceptedQuote, Crossing[]>();
  for (const crossing of crossings) {
    const fired = firedBy.get(crossing.quote);
    if (fired) fired.push(crossing);
    else firedBy.set(crossing.quote, [crossing]);
  }
  const quotes = plan.tickers
    .flatMap((ticker) => ticker.accepted)
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.position - b.position);
  const alerts: PriceAlert[] = [];
  const events: DomainEvent[] = [];
  for (const quote of quotes) {
    events.push(priceChanged(quote, now));
    const fired = (firedBy.get(quote) ?? []).sort((a, b) => (a.watchId < b.watchId ? -1 : 1));
    for (const crossing of fired) {
      const alert: PriceAlert = {
        id: uuidv7(),
        userId: crossing.userId,
        watchId: crossing.watchId,
        ticker: quote.ticker,
        direction: crossing.direction,
        targetMicro: crossing.targetMicro,
        priceMicro: quote.priceMicro,
        quoteAt: quote.at,
        triggeredAt: now,
      };
      alerts.push(alert);
      events.push(alertTriggered(alert));
    }
  }
  return { alerts, events };
}
