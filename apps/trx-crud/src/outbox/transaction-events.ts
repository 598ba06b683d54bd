import {
  EVENT_TYPES,
  TransactionCategorizedEvent,
  TransactionCategorizedPayload,
  TransactionCreatedEvent,
  TransactionView,
} from '@finstack/contracts';
import { domainEvent } from '@finstack/outbox';

/** A transaction as created, category included; for its owner. */
export function transactionCreated(userId: string, transaction: TransactionView): TransactionCreatedEvent {
  return domainEvent(
    EVENT_TYPES.transactionCreated,
    {
      transactionId: transaction.id,
      amount: transaction.amount,
      currency: transaction.currency,
      occurredOn: transaction.occurredOn,
      description: transaction.description,
      merchant: transaction.merchant,
      categoryId: transaction.categoryId,
      categorySource: transaction.categorySource,
      categoryConfidence: transaction.categoryConfidence,
    },
    { userId, occurredAt: new Date(transaction.createdAt) },
  );
}

/** Ids as stored and as sent may differ in case; an id is the same category either way. */
const sameCategory = (a: string | null, b: string | null): boolean => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/**
 * One transaction.categorized per change that moves a transaction to another
 * category (or out of its category); none for a change that keeps the category
 * it had, even when its source changes (an automatic choice confirmed by hand).
 */
export function transactionsCategorized(
  userId: string,
  changes: readonly TransactionCategorizedPayload[],
  at: Date,
): TransactionCategorizedEvent[] {
  return changes
    .filter((change) => !sameCategory(change.previousCategoryId, change.categoryId))
    .map((change) => domainEvent(EVENT_TYPES.transactionCategorized, change, { userId, occurredAt: at }));
}
