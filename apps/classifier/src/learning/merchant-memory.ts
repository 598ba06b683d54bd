/** A payee must have been filed at least this many times under one category... */
const MIN_TIMES = 2;
/** ...and under that category for at least this share of the user's manual choices for it. */
const MIN_SHARE = 0.9;

export interface PayeeChoice {
  categoryId: string;
  /** Manual choices of this category for the payee. */
  times: number;
  /** Manual choices for the payee, of any category. */
  total: number;
}

/**
 * Where a user files each payee by hand: normalised payee → category →
 * times. A payee consistently filed in one category decides the next
 * transaction from it.
 */
export class MerchantMemory {
  private readonly payees = new Map<string, Map<string, number>>();

  record(payee: string, categoryId: string, times: number): void {
    if (payee === '' || times === 0) return;
    let categories = this.payees.get(payee);
    if (!categories) {
      if (times < 0) return;
      categories = new Map();
      this.payees.set(payee, categories);
    }
    const after = Math.max(0, (categories.get(categoryId) ?? 0) + times);
    if (after > 0) categories.set(categoryId, after);
    else categories.delete(categoryId);
    if (categories.size === 0) this.payees.delete(payee);
  }

  /** The category the payee is consistently filed under, among those `allowed`; undefined when there is none. */
  decide(payee: string, allowed: (categoryId: string) => boolean): PayeeChoice | undefined {
    const [best] = this.choices(payee, allowed);
    return best && best.times >= MIN_TIMES && best.times / best.total >= MIN_SHARE ? best : undefined;
  }

  /**
   * Every allowed category the payee was filed under, most often first. The
   * total counts all manual choices, including categories deleted since: a
   * payee the user has hesitated over stays undecided.
   */
  choices(payee: string, allowed: (categoryId: string) => boolean): PayeeChoice[] {
    const categories = this.payees.get(payee);
    if (!categories) return [];
    let total = 0;
    for (const times of categories.values()) total += times;
    return [...categories]
      .filter(([categoryId]) => allowed(categoryId))
      .map(([categoryId, times]) => ({ categoryId, times, total }))
      .sort((a, b) => b.times - a.times);
  }

  /** How many payees are remembered: the memory's share of the cache budget. */
  get size(): number {
    return this.payees.size;
  }
}
