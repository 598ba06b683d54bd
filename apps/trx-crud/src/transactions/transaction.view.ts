import { TransactionView, utcTimestamp } from '@finstack/contracts';
import { fromMinorUnits, minorDigits } from '@finstack/money';
import { TransactionEntity } from './transaction.entity';

/** What a view is made of: everything stored but the owner (the caller knows it) and the import fingerprint. */
export type TransactionRecord = Omit<TransactionEntity, 'userId' | 'fingerprint' | 'payee'>;

export function toTransactionView(row: TransactionRecord): TransactionView {
  return {
    id: row.id,
    occurredOn: row.occurredOn,
    amount: fromMinorUnits(row.amountMinor, minorDigits(row.currency)),
    currency: row.currency,
    description: row.description,
    merchant: row.merchant,
    categoryId: row.categoryId,
    categorySource: row.categorySource,
    categoryConfidence: row.categoryConfidence,
    categoryReason: row.categoryReason,
    externalId: row.externalId,
    importId: row.importId,
    createdAt: utcTimestamp(row.createdAt),
    updatedAt: utcTimestamp(row.updatedAt),
  };
}
