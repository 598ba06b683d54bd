import { DomainEvent, EVENT_TYPES } from '@finstack/contracts';

/** One readable line per event: time, type, and what matters in it. */
export function eventLine(event: DomainEvent): string {
  const payload = (event.payload ?? {}) as Record<string, unknown>;
  return `${event.occurredAt}  ${event.type.padEnd(23)}  ${summary(event.type, payload)}`;
}

function summary(type: string, p: Record<string, unknown>): string {
  switch (type) {
    case EVENT_TYPES.priceChanged:
      return `${p.ticker} ${p.price} ${p.currency}${typeof p.changePct === 'number' ? ` (${(p.changePct * 100).toFixed(2)} %)` : ''}`;
    case EVENT_TYPES.alertTriggered:
      return `${p.ticker} reached ${p.price}: ${p.direction} ${p.targetPrice}`;
    case EVENT_TYPES.authLogin:
      return String(p.message ?? `new sign-in from ${p.ip}, ${p.userAgent}`);
    default:
      return JSON.stringify(p);
  }
}
