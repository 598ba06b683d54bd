import { AlertTriggeredPayload, DomainEvent, EVENT_TYPES, PriceChangedPayload, utcTimestamp } from '@finstack/contracts';
import { ratio } from '@finstack/money';
import { domainEvent } from '@finstack/outbox';
import { PriceAlert } from '../alerts/price-alert-rows';
import { priceText } from '../common/scaled-text';
import { AcceptedQuote } from './quote-plan';

/** price.changed, for the ticker's room and its holders. */
export function priceChanged(quote: AcceptedQuote, now: Date): DomainEvent {
  const previous = quote.previousMicro;
  const payload: PriceChangedPayload = {
    ticker: quote.ticker,
    price: priceText(quote.priceMicro),
    previous: previous === null ? null : priceText(previous),
    changePct: previous === null ? null : ratio(quote.priceMicro - previous, previous),
    currency: quote.currency,
    at: utcTimestamp(quote.at),
  };
  return domainEvent(EVENT_TYPES.priceChanged, payload, { occurredAt: now });
}

/** alert.triggered, for the entry's owner only. */
export function alertTriggered(alert: PriceAlert): DomainEvent {
  const payload: AlertTriggeredPayload = {
    alertId: alert.id,
    watchId: alert.watchId,
    ticker: alert.ticker,
    direction: alert.direction,
    targetPrice: priceText(alert.targetMicro),
    price: priceText(alert.priceMicro),
    at: utcTimestamp(alert.quoteAt),
  };
  return domainEvent(EVENT_TYPES.alertTriggered, payload, { userId: alert.userId, occurredAt: alert.triggeredAt });
}
