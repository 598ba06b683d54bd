import { CategoryKind, CategoryView, LEDGER } from '@finstack/contracts';
import { Direction } from '../common/direction';
import { LedgerClient } from './ledger-client';

/**
 * The user's categories as the ledger has them now. Every stage only ever
 * picks one of these: a rule or a learned choice may name a category deleted
 * since, and the ledger would refuse it.
 */
export class UserCategories {
  private readonly kinds = new Map<string, CategoryKind>();
  private readonly idsByName = new Map<string, string>();

  constructor(categories: readonly Pick<CategoryView, 'id' | 'name' | 'kind'>[]) {
    for (const category of categories) {
      this.kinds.set(category.id, category.kind);
      this.idsByName.set(category.name.trim().toLowerCase(), category.id);
    }
  }

  has(categoryId: string): boolean {
    return this.kinds.has(categoryId);
  }

  /** The id of the category with this name, compared without regard to case. */
  idNamed(name: string): string | undefined {
    return this.idsByName.get(name.toLowerCase());
  }

  /**
   * Whether a guess may put money moving this way in this category: money
   * spent is not income, money received is not an expense (a refund may be,
   * but that is for the user or their rules to say). Transfers go both ways.
   */
  fits(categoryId: string, direction: Direction | null): boolean {
    const kind = this.kinds.get(categoryId);
    if (kind === undefined) return false;
    if (direction === 'spent') return kind !== 'income';
    if (direction === 'received') return kind !== 'expense';
    return true;
  }
}

export async function fetchUserCategories(ledger: LedgerClient, userId: string): Promise<UserCategories> {
  return new UserCategories(await ledger.send(LEDGER.listCategories, { userId }));
}
