import { LEDGER, ListTransactionsQuery, MAX_PAGE_SIZE, TransactionView } from '@finstack/contracts';
import { LedgerClient } from './ledger-client';

/**
 * Every transaction a query selects, one page at a time. The ledger's pages
 * are keyset pages, so categories written between pages neither repeat nor
 * skip a transaction, even when the query filters on the category.
 */
export async function* transactionPages(
  ledger: LedgerClient,
  userId: string,
  filters: Pick<ListTransactionsQuery, 'importId' | 'uncategorized'>,
): AsyncGenerator<TransactionView[]> {
  let cursor: string | undefined;
  do {
    const page = await ledger.send(LEDGER.listTransactions, {
      userId,
      query: { ...filters, limit: MAX_PAGE_SIZE, cursor },
    });
    if (page.items.length > 0) yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}
