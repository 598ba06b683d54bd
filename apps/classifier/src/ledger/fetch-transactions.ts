import { DomainError, ErrorCode, LEDGER, TransactionView } from '@finstack/contracts';
import { LedgerClient } from './ledger-client';

/**
 * The user's transactions with these ids, all of them: one that is missing or
 * another user's fails the whole request with 404, as setCategories does.
 */
export async function fetchTransactions(ledger: LedgerClient, userId: string, ids: readonly string[]): Promise<TransactionView[]> {
  const wanted = [...new Set(ids.map((id) => id.toLowerCase()))];
  const found = await ledger.send(LEDGER.getTransactions, { userId, ids: wanted });
  const present = new Set(found.map((transaction) => transaction.id.toLowerCase()));
  const missing = wanted.filter((id) => !present.has(id));
  if (missing.length > 0) {
    throw new DomainError(ErrorCode.TRANSACTION_NOT_FOUND, `transaction ${missing[0]} not found`, { transactionIds: missing });
  }
  return found;
}
