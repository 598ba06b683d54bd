import { MonthChange } from '@finstack/contracts';
import { fromMinorUnits, ratio } from '@finstack/money';
import { MonthTotals } from './month-series';

/** Each month beside the one before it; the first month of the period has nothing to compare with. */
export function monthOverMonth(series: readonly MonthTotals[], digits: number): MonthChange[] {
  const money = (minor: bigint) => fromMinorUnits(minor, digits);
  return series.map(({ month, totals }, index) => {
    const net = totals.received - totals.spent;
    const before = index > 0 ? series[index - 1].totals : undefined;
    return {
      month,
      spent: money(totals.spent),
      received: money(totals.received),
      net: money(net),
      spentChange: before ? money(totals.spent - before.spent) : null,
      receivedChange: before ? money(totals.received - before.received) : null,
      netChange: before ? money(net - (before.received - before.spent)) : null,
      spentChangeRatio: before ? ratio(totals.spent - before.spent, before.spent) : null,
    };
  });
}
