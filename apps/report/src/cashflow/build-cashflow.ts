import { CashflowInterval, CashflowView, TransactionAggregate } from '@finstack/contracts';
import { minorDigits } from '@finstack/money';
import { addAggregate, MinorTotals, noTotals, totalsView } from '../money/minor-totals';
import { ReportPeriod } from '../period/report-period';
import { IntervalSplit } from './cashflow-intervals';

export interface CashflowInput {
  period: ReportPeriod;
  currency: string | null;
  interval: CashflowInterval;
  split: IntervalSplit;
  /** The ledger's totals in `currency`: by day for daily and weekly cash flows, by month for monthly ones. */
  aggregates: readonly TransactionAggregate[];
}

const DIGITS_WITHOUT_CURRENCY = 2;

/** Every interval of the period, in order, with what was spent and received in it; empty ones are zero. */
export function buildCashflow({ period, currency, interval, split, aggregates }: CashflowInput): CashflowView {
  const digits = currency === null ? DIGITS_WITHOUT_CURRENCY : minorDigits(currency);
  const buckets: MinorTotals[] = Array.from({ length: split.count }, noTotals);
  for (const aggregate of aggregates) {
    if (aggregate.key === null || aggregate.currency !== currency) continue;
    const bucket = buckets[split.indexOf(aggregate.key)];
    if (bucket) addAggregate(bucket, aggregate);
  }
  return {
    from: period.from,
    to: period.to,
    currency,
    interval,
    points: buckets.map((totals, index) => {
      const { from: start, to: end } = split.bounds(index);
      return { start, end, ...totalsView(totals, digits) };
    }),
  };
}
