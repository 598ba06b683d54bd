import { AutoCategory, CreateTransactionBody, LEDGER } from '@finstack/contracts';
import { minorDigits, toMinorUnits } from '@finstack/money';
import { payeeOf } from '@finstack/statement-text';
import { v7 as uuidv7 } from 'uuid';
import { IdempotentRequest } from '../idempotency/idempotent-requests.service';
import { TransactionEntity } from './transaction.entity';

/** The category a create asks for: the one its body names (a manual choice), else the classifier's. */
export interface RequestedCategory {
  id: string | null;
  automatic?: AutoCategory;
}

export function requestedCategory(body: CreateTransactionBody, autoCategory: AutoCategory | undefined): RequestedCategory {
  if (body.categoryId) return { id: body.categoryId };
  if (autoCategory) return { id: autoCategory.categoryId, automatic: autoCategory };
  return { id: null };
}

/** The row a create inserts; `storedCategoryId` is the requested category's id as stored, found among the user's. */
export function newTransactionRow(
  userId: string,
  body: CreateTransactionBody,
  requested: RequestedCategory,
  storedCategoryId: string | null,
  now: Date,
): TransactionEntity {
  const { automatic } = requested;
  return {
    id: uuidv7(),
    userId,
    occurredOn: body.occurredOn,
    amountMinor: toMinorUnits(body.amount, minorDigits(body.currency)),
    currency: body.currency,
    description: body.description,
    merchant: body.merchant ?? null,
    payee: payeeOf(body.description, body.merchant ?? null),
    categoryId: storedCategoryId,
    categorySource: automatic?.source ?? (storedCategoryId === null ? 'none' : 'manual'),
    categoryConfidence: automatic?.confidence ?? null,
    categoryReason: automatic?.reason ?? null,
    externalId: body.externalId ?? null,
    importId: null,
    fingerprint: null,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * A create under an Idempotency-Key, as fingerprinted: the classifier's
 * choice is not part of it, so a retry replays the stored transaction even if
 * the classifier would now choose differently.
 */
export function idempotentCreate(userId: string, idempotencyKey: string, body: CreateTransactionBody): IdempotentRequest {
  return { userId, idempotencyKey, request: { pattern: LEDGER.createTransaction, body } };
}
