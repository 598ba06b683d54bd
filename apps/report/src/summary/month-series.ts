import { TransactionAggregate } from '@finstack/contracts';
import { monthNumber, monthText } from '../period/calendar';
import { ReportPeriod } from '../period/report-period';
import { addAggregate, MinorTotals, noTotals } from '../money/minor-totals';

export interface MonthTotals {
  month: string;
  totals: MinorTotals;
}

/** Every month the period touches, in order, with its totals; months without transactions are zero. */
export function monthSeries(period: ReportPeriod, monthAggregates: readonly TransactionAggregate[]): MonthTotals[] {
  const first = monthNumber(period.from);
  const series: MonthTotals[] = [];
  for (let month = first; month <= monthNumber(period.to); month++) {
    series.push({ month: monthText(month), totals: noTotals() });
  }
  for (const aggregate of monthAggregates) {
    const slot = aggregate.key === null ? undefined : series[monthNumber(aggregate.key) - first];
    if (slot) addAggregate(slot.totals, aggregate);
  }
  return series;
}
