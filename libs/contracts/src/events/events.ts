import type { CategorySource } from '../ledger/views';

/**
 * Events services publish through their transactional outbox, for the
 * notifications app to push. Every event has an id (UUIDv7, for dedupe), a
 * type, a time and a payload; `userId` names the one user it is for, when it
 * is for one user only.
 */
export interface DomainEvent<Type extends string = string, Payload = unknown> {
  id: string;
  type: Type;
  /** ISO 8601 UTC. */
  occurredAt: string;
  userId?: string;
  payload: Payload;
  /** W3C traceparent of the span that wrote the event, so its relay and push link back to that request's trace. */
  traceparent?: string;
}

export const EVENT_TYPES = {
  priceChanged: 'price.changed',
  alertTriggered: 'alert.triggered',
  transactionCreated: 'transaction.created',
  transactionCategorized: 'transaction.categorized',
  authLogin: 'auth.login',
  varProgress: 'var.progress',
  varCompleted: 'var.completed',
} as const;

export type EventType = (typeof EVENT_TYPES)[keyof typeof EVENT_TYPES];

export const ALL_EVENT_TYPES: readonly EventType[] = Object.values(EVENT_TYPES);

/** Types pushed to the ticker's room (and its holders) rather than to one user. */
export const TICKER_EVENT_TYPES: readonly EventType[] = [EVENT_TYPES.priceChanged];

/** A quote was accepted; for the ticker's room and the ticker's holders. */
export interface PriceChangedPayload {
  ticker: string;
  price: string;
  /** The price before this quote; null for a ticker's first quote. */
  previous: string | null;
  /** (price − previous) / previous, rounded to 4 decimals; null without a previous price. */
  changePct: number | null;
  currency: string;
  at: string;
}

/** A quote crossed a watchlist target; for the entry's owner. */
export interface AlertTriggeredPayload {
  alertId: string;
  watchId: string;
  ticker: string;
  direction: 'above' | 'below';
  targetPrice: string;
  price: string;
  at: string;
}

export type PriceChangedEvent = DomainEvent<typeof EVENT_TYPES.priceChanged, PriceChangedPayload>;
export type AlertTriggeredEvent = DomainEvent<typeof EVENT_TYPES.alertTriggered, AlertTriggeredPayload>;

/**
 * A transaction was created, with its final category: the automatic one is
 * chosen before the insert, so no transaction.categorized follows for it.
 * For its owner. Not sent for the rows of a CSV import.
 */
export interface TransactionCreatedPayload {
  transactionId: string;
  /** Decimal string, negative when spent. */
  amount: string;
  currency: string;
  occurredOn: string;
  description: string;
  merchant: string | null;
  categoryId: string | null;
  /** As in TransactionView: manual, rule, learned, model, or none. */
  categorySource: CategorySource;
  /** 0 to 1 for an automatic category; null otherwise. */
  categoryConfidence: number | null;
}

/**
 * A transaction's category changed (by hand, by a rule or automatically,
 * after it was created); for its owner. Only when the category itself changed:
 * setting the one it had is no event.
 */
export interface TransactionCategorizedPayload {
  transactionId: string;
  /** null when the category was cleared. */
  categoryId: string | null;
  previousCategoryId: string | null;
  /** As stored now: manual, rule, learned, model, or none when cleared. */
  categorySource: CategorySource;
  /** 0 to 1 for an automatic category; null otherwise. */
  categoryConfidence: number | null;
}

/** Someone signed in to the account; for its owner ("new sign-in from <ip, agent>"). */
export interface AuthLoginPayload {
  ip: string;
  userAgent: string;
  at: string;
  message: string;
}

export type TransactionCreatedEvent = DomainEvent<typeof EVENT_TYPES.transactionCreated, TransactionCreatedPayload>;
export type TransactionCategorizedEvent = DomainEvent<typeof EVENT_TYPES.transactionCategorized, TransactionCategorizedPayload>;
export type AuthLoginEvent = DomainEvent<typeof EVENT_TYPES.authLogin, AuthLoginPayload>;

/** A long analysis moved on; for the owner. Sent at most every few percent. */
export interface VarProgressPayload {
  runId: string;
  kind: 'strategy' | 'portfolio';
  /** 0 to 1. */
  progress: number;
}

/** A long analysis finished or failed; for the owner. The result is at GET /var/analyses/:runId. */
export interface VarCompletedPayload {
  runId: string;
  kind: 'strategy' | 'portfolio';
  status: 'succeeded' | 'failed';
  durationMs: number;
  /** On failure: why. */
  error: { code: string; message: string } | null;
}

export type VarProgressEvent = DomainEvent<typeof EVENT_TYPES.varProgress, VarProgressPayload>;
export type VarCompletedEvent = DomainEvent<typeof EVENT_TYPES.varCompleted, VarCompletedPayload>;

/** Every event notifications pushes, by type. */
export type KnownEvent =
  | PriceChangedEvent
  | AlertTriggeredEvent
  | TransactionCreatedEvent
  | TransactionCategorizedEvent
  | AuthLoginEvent
  | VarProgressEvent
  | VarCompletedEvent;
