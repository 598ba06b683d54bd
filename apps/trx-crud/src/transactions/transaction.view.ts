import { TransactionView, utcTimestamp } from '@finstack/contracts';
import { fromMinorUnits, minorDigits } from '@finstack/money';
import { TransactionEntity } from './transaction.entity';

export function toTransactionView(row: Omit<TransactionEntity, 'userId'>): TransactionView {
  return {
    id: row.id,
    occurredOn: row.occurredOn,
    amount: fromMinorUnits(row.amountMinor, minorDigits(row.currency)),
    currency: row.currency,
    description: row.description,
    merchant: row.merchant,
    categoryId: row.categoryId,
    categorySource: row.categorySource,
    externalId: row.externalId,
    createdAt: utcTimestamp(row.createdAt),
    updatedAt: utcTimestamp(row.updatedAt),
  };
}
