import { UserKnowledge } from './user-knowledge';

/** About 40 MB of features and payees across all cached users. */
const CACHE_BUDGET = 250_000;

/**
 * Users' knowledge kept in memory, least recently used dropped first once
 * the budget is spent (a dropped user is simply loaded again).
 */
export class KnowledgeCache {
  private readonly entries = new Map<string, { knowledge: UserKnowledge; size: number }>();
  private used = 0;

  constructor(private readonly budget = CACHE_BUDGET) {}

  get(userId: string): UserKnowledge | undefined {
    const entry = this.entries.get(userId);
    if (!entry) return undefined;
    // Re-inserting moves the entry to the end: Map order is recency order.
    this.entries.delete(userId);
    this.entries.set(userId, entry);
    return entry.knowledge;
  }

  set(userId: string, knowledge: UserKnowledge): void {
    this.delete(userId);
    const size = knowledge.size;
    this.entries.set(userId, { knowledge, size });
    this.used += size;
    this.evictBeyondBudget(userId);
  }

  /** Call after changing a cached user's knowledge in place, so that its size is accounted for. */
  resized(userId: string): void {
    const entry = this.entries.get(userId);
    if (!entry) return;
    const size = entry.knowledge.size;
    this.used += size - entry.size;
    entry.size = size;
    this.evictBeyondBudget(userId);
  }

  delete(userId: string): void {
    const entry = this.entries.get(userId);
    if (!entry) return;
    this.used -= entry.size;
    this.entries.delete(userId);
  }

  private evictBeyondBudget(keep: string): void {
    for (const userId of this.entries.keys()) {
      if (this.used <= this.budget) return;
      if (userId !== keep) this.delete(userId);
    }
  }
}
