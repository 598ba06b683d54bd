import { AutoCategorizeMessage, AutoCategorizeResult, CategoryAssignment, LEDGER, TransactionView } from '@finstack/contracts';
import { Injectable } from '@nestjs/common';
import { fetchTransactions } from '../ledger/fetch-transactions';
import { InjectLedger, LedgerClient } from '../ledger/ledger-client';
import { transactionPages } from '../ledger/transaction-pages';
import { ClassificationContext } from './classification-context';
import { ClassificationContexts } from './classification-contexts';
import { predict } from './classification-pipeline';
import { prepareItem } from './prepared-item';

/**
 * Categorises stored transactions — those named, those of one import, or all
 * of the user's — a ledger page at a time, writing each page's categories in
 * one message. Categories chosen by hand are never touched; automatic ones
 * are decided again only when uncategorizedOnly is false.
 */
@Injectable()
export class AutoCategorizeService {
  constructor(
    private readonly contexts: ClassificationContexts,
    @InjectLedger() private readonly ledger: LedgerClient,
  ) {}

  async run(request: AutoCategorizeMessage): Promise<AutoCategorizeResult> {
    const { userId } = request;
    const onlyUncategorized = request.uncategorizedOnly !== false;
    const context = await this.contexts.forUser(userId);
    const result: AutoCategorizeResult = { examined: 0, categorized: 0, skippedManual: 0, undecided: 0 };
    for await (const page of this.pages(request, onlyUncategorized)) {
      result.examined += page.length;
      const assignments: CategoryAssignment[] = [];
      for (const transaction of page) {
        if (transaction.categorySource === 'manual') {
          result.skippedManual += 1;
        } else if (!onlyUncategorized || transaction.categoryId === null) {
          const assignment = this.decide(transaction, context);
          if (assignment) assignments.push(assignment);
          else result.undecided += 1;
        }
      }
      if (assignments.length === 0) continue;
      const written = await this.ledger.send(LEDGER.setCategories, { userId, assignments });
      result.categorized += written.updated.length;
      result.skippedManual += written.skippedManual.length; // chosen by hand since the page was read
    }
    return result;
  }

  private decide(transaction: TransactionView, context: ClassificationContext): CategoryAssignment | undefined {
    const { categoryId, source, confidence, reason } = predict(prepareItem(transaction), context);
    return categoryId === null ? undefined : { transactionId: transaction.id, categoryId, source, confidence, reason };
  }

  private async *pages(request: AutoCategorizeMessage, onlyUncategorized: boolean): AsyncGenerator<TransactionView[]> {
    if (request.transactionIds) {
      yield await fetchTransactions(this.ledger, request.userId, request.transactionIds);
      return;
    }
    yield* transactionPages(this.ledger, request.userId, {
      importId: request.importId,
      uncategorized: onlyUncategorized ? true : undefined,
    });
  }
}
