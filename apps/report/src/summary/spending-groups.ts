import { TransactionAggregate } from '@finstack/contracts';
import { addAggregate, MinorTotals, noTotals } from '../money/minor-totals';

/** A category or merchant with its totals over the period. */
export interface SpendingGroup {
  key: string | null;
  label: string;
  totals: MinorTotals;
}

export const UNCATEGORISED = 'Uncategorised';
export const UNKNOWN_MERCHANT = 'Unknown merchant';
export const OTHER_MERCHANTS = 'Other merchants';

/** One group per key (the ledger sends one per key and currency; the currency is already chosen). */
function groups(aggregates: readonly TransactionAggregate[], label: (aggregate: TransactionAggregate) => string): SpendingGroup[] {
  const byKey = new Map<string | null, SpendingGroup>();
  for (const aggregate of aggregates) {
    let group = byKey.get(aggregate.key);
    if (!group) {
      group = { key: aggregate.key, label: label(aggregate), totals: noTotals() };
      byKey.set(aggregate.key, group);
    }
    addAggregate(group.totals, aggregate);
  }
  return [...byKey.values()].sort(bySpendingThenLabel);
}

/** Categories by spending, the most first; uncategorised transactions form a group of their own. */
export const categoryGroups = (aggregates: readonly TransactionAggregate[]) =>
  groups(aggregates, (aggregate) => aggregate.label ?? (aggregate.key === null ? UNCATEGORISED : aggregate.key));

/**
 * Merchants by spending, the most first. The ledger keys them by payee (from
 * the merchant, else the description) and labels them for people; a null key
 * gathers the transactions with no recognisable payee.
 */
export const merchantGroups = (aggregates: readonly TransactionAggregate[]) =>
  groups(aggregates, (aggregate) => aggregate.label ?? (aggregate.key === null ? UNKNOWN_MERCHANT : aggregate.key));

export function bySpendingThenLabel(a: SpendingGroup, b: SpendingGroup): number {
  if (a.totals.spent !== b.totals.spent) return a.totals.spent > b.totals.spent ? -1 : 1;
  return a.label.localeCompare(b.label, 'en') || String(a.key).localeCompare(String(b.key), 'en');
}

/**
 * The first `limit` groups, and when there are more, one "Other merchants"
 * group holding the period's totals minus theirs, so the rows still add up.
 */
export function capGroups(sorted: readonly SpendingGroup[], limit: number, periodTotals: MinorTotals): SpendingGroup[] {
  if (sorted.length <= limit) return [...sorted];
  const kept = sorted.slice(0, limit);
  const rest: MinorTotals = { ...periodTotals };
  for (const group of kept) {
    rest.spent -= group.totals.spent;
    rest.received -= group.totals.received;
    rest.count -= group.totals.count;
  }
  return [...kept, { key: null, label: OTHER_MERCHANTS, totals: rest }];
}
