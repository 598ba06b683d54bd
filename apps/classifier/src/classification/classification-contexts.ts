import { Injectable } from '@nestjs/common';
import { InjectLedger, LedgerClient } from '../ledger/ledger-client';
import { fetchUserCategories } from '../ledger/user-categories';
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

  async forUser(userId: string): Promise<ClassificationContext> {
    const [rules, knowledge, categories] = await Promise.all([
      this.rules.forUser(userId),
      this.knowledge.forUser(userId),
      fetchUserCategories(this.ledger, userId),
    ]);
    return { rules, knowledge, categories };
  }
}
