import {
  DeliveredEvent,
  DomainError,
  ErrorCode,
  EVENT_TYPES,
  EventType,
  TICKER,
} from '@finstack/contracts';

/** Who an event is for: a ticker's room and its holders, or one user. */
export type EventAddress = { ticker: string } | { userId: string };

function assertUnreachable(value: never): never {
  throw new Error(`unhandled event type ${String(value)}`);
}

/**
 * Reads an event's address from its type: price moves are public (the
 * ticker's room, and its holders), everything else is for its one user.
 * Throws VALIDATION_FAILED, naming the event, when the address is missing.
 */
export function addressOf(event: DeliveredEvent): EventAddress {
  const type: EventType = event.type;
  switch (type) {
    case EVENT_TYPES.priceChanged: {
      const ticker = event.payload.ticker;
      if (typeof ticker !== 'string' || !TICKER.test(ticker)) throw unaddressed(event, 'payload.ticker must be a stock symbol');
      return { ticker };
    }
    case EVENT_TYPES.alertTriggered:
    case EVENT_TYPES.transactionCreated:
    case EVENT_TYPES.transactionCategorized:
    case EVENT_TYPES.authLogin:
    case EVENT_TYPES.varProgress:
    case EVENT_TYPES.varCompleted:
      if (event.userId === undefined) throw unaddressed(event, 'userId is required');
      return { userId: event.userId };
    default:
      return assertUnreachable(type);
  }
}

const unaddressed = (event: DeliveredEvent, problem: string): DomainError =>
  new DomainError(ErrorCode.VALIDATION_FAILED, `event ${event.id} (${event.type}): ${problem}`, [
    { field: `events.${event.id}`, errors: [problem] },
  ]);
