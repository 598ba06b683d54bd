import { Totals, TransactionAggregate } from '@finstack/contracts';
import { fromMinorUnits } from '@finstack/money';

/** Spent (as a positive number) and received money in minor units, exact. */
export interface MinorTotals {
  spent: bigint;
  received: bigint;
  count: number;
}

export const noTotals = (): MinorTotals => ({ spent: 0n, received: 0n, count: 0 });

export function addAggregate(into: MinorTotals, aggregate: TransactionAggregate): void {
  into.spent += BigInt(aggregate.spentMinor);
  into.received += BigInt(aggregate.receivedMinor);
  into.count += aggregate.count;
}

export function totalsOf(aggregates: readonly TransactionAggregate[]): MinorTotals {
  const totals = noTotals();
  for (const aggregate of aggregates) addAggregate(totals, aggregate);
  return totals;
}

/** As the API shows them: decimal strings at the currency's scale, net = received − spent. */
export function totalsView(totals: MinorTotals, digits: number): Totals {
  return {
    spent: fromMinorUnits(totals.spent, digits),
    received: fromMinorUnits(totals.received, digits),
    net: fromMinorUnits(totals.received - totals.spent, digits),
    count: totals.count,
  };
}
