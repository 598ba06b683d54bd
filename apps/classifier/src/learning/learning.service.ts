import { CategoriesSet, LEDGER, LearnExample } from '@finstack/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { fetchTransactions } from '../ledger/fetch-transactions';
import { InjectLedger, LedgerClient } from '../ledger/ledger-client';
import { manualChoiceChanges } from './example-change';
import { KnowledgeStore } from './knowledge-store';

@Injectable()
export class LearningService {
  private readonly logger = new Logger(LearningService.name);

  constructor(
    private readonly knowledge: KnowledgeStore,
    @InjectLedger() private readonly ledger: LedgerClient,
  ) {}

  /** Manual choices made elsewhere (a transaction created or edited with a category). */
  async learn(userId: string, examples: readonly LearnExample[]): Promise<{ learned: number }> {
    const learned = await this.knowledge.record(
      userId,
      examples.map((example) => ({ ...example, times: 1 })),
    );
    return { learned };
  }

  /**
   * Sets the category by hand through the ledger (null clears it), then
   * learns from the choice. The transactions are read first, to forget a
   * different manual choice the new one corrects.
   */
  async setManualCategory(userId: string, transactionIds: string[], categoryId: string | null): Promise<CategoriesSet> {
    const before = await fetchTransactions(this.ledger, userId, transactionIds);
    const result = await this.ledger.send(LEDGER.setCategories, {
      userId,
      assignments: transactionIds.map((transactionId) => ({ transactionId, categoryId, source: 'manual' as const })),
    });
    try {
      await this.knowledge.record(userId, manualChoiceChanges(before, result.updated, categoryId));
    } catch (error) {
      // The choice is made in the ledger; failing to learn from it must not report the choice as failed.
      this.logger.warn(`could not learn from a manual choice: ${error instanceof Error ? error.message : String(error)}`);
    }
    return result;
  }
}
