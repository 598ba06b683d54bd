import { TOP_SPENDING_ENTRIES, TopSpending } from '@finstack/contracts';
import { fromMinorUnits, ratio } from '@finstack/money';
import { SpendingGroup } from './spending-groups';

/** The groups (already by spending, most first) that spent the most, with their share of the period's spending. */
export function topSpending(sorted: readonly SpendingGroup[], periodSpent: bigint, digits: number): TopSpending[] {
  return sorted
    .filter((group) => group.totals.spent > 0n)
    .slice(0, TOP_SPENDING_ENTRIES)
    .map(({ key, label, totals }) => ({
      key,
      label,
      spent: fromMinorUnits(totals.spent, digits),
      count: totals.count,
      share: ratio(totals.spent, periodSpent) ?? 0,
    }));
}
