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
    return (await this.forUsers([{ userId, categories }]))[0];
  }

  /** The contexts of several requests, in order; each user's rules and knowledge read once, their versions in one query each. */
  async forUsers(requests: readonly { userId: string; categories?: readonly ClassifyCategory[] }[]): Promise<ClassificationContext[]> {
    const userIds = [...new Set(requests.map((request) => request.userId))];
    const [rules, knowledge, categories] = await Promise.all([
      this.rules.forUsers(userIds),
      this.knowledge.forUsers(userIds),
      Promise.all(
        requests.map(({ userId, categories: given }) => (given ? new UserCategories(given) : fetchUserCategories(this.ledger, userId))),
      ),
    ]);
    return requests.map(({ userId }, index) => ({ rules: rules.get(userId)!, knowledge: knowledge.get(userId)!, categories: categories[index] }));
  }
}
