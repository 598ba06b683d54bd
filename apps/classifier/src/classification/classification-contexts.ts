import { ClassifyCategory } from '@finstack/contracts';
import { Injectable } from '@nestjs/common';
import { InjectLedger, LedgerClient } from '../ledger/ledger-client';
import { fetchUserCategories, UserCategories } from '../ledger/user-categories';
import { KnowledgeStore } from '../learning/knowledge-store';
import { UserRules } from '../rules/user-rules';
import { ClassificationContext } from './classification-context';

/** Gathers, side by side, what classifying a user's transactions needs: their rules, knowledge and categories. */
@Injectable()
export class ClassificationContexts {
  constructor(
    private readonly rules: UserRules,
    private readonly knowledge: KnowledgeStore,
    @InjectLedger() private readonly ledger: LedgerClient,
  ) {}

  /** `categories`: the user's, when the caller has just read them from the ledger; otherwise asked for. */
  async forUser(userId: string, categories?: readonly ClassifyCategory[]): Promise<ClassificationContext> {
    const [rules, knowledge, userCategories] = await Promise.all([
      this.rules.forUser(userId),
      this.knowledge.forUser(userId),
      categories ? new UserCategories(categories) : fetchUserCategories(this.ledger, userId),
    ]);
    return { rules, knowledge, categories: userCategories };
  }
}
