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

  /** The contexts of several requests, in order; each user's rules and knowledge read once, their versions in one query each. */
  async forUsers(requests: readonly { userId: string; categories?: readonly ClassifyCategory[] }[]): Promise<ClassificationContext[]> {
    const userIds = [...new Set(requests.map((request) => request.userId))];
    const [rules, knowledge] = await Promise.all([this.rules.forUsers(userIds), this.knowledge.forUsers(userIds)]);
    return Promise.all(
      requests.map(async ({ userId, categories }) => ({
        rules: rules.get(userId)!,
        knowledge: knowledge.get(userId)!,
        categories: categories ? new UserCategories(categories) : await fetchUserCategories(this.ledger, userId),
      })),
    );
  }
}
