import { MAX_MERCHANT_ROWS, SummaryGrouping, SummaryRow, SummaryView, TransactionAggregate } from '@finstack/contracts';
import { minorDigits, ratio } from '@finstack/money';
import { MinorTotals, noTotals, totalsView } from '../money/minor-totals';
import { ReportPeriod } from '../period/report-period';
import { monthOverMonth } from './month-over-month';
import { monthSeries } from './month-series';
import { capGroups, categoryGroups, merchantGroups } from './spending-groups';
import { topSpending } from './top-spending';

export interface SummaryInput {
  period: ReportPeriod;
  /** Null for an empty period where no currency was asked for: every figure is zero. */
  currency: string | null;
  groupBy: SummaryGrouping;
  /** The ledger's totals of the period in `currency`, by month, category and merchant. */
  months: readonly TransactionAggregate[];
  categories: readonly TransactionAggregate[];
  merchants: readonly TransactionAggregate[];
}

/** Zeros of an empty period without a currency are written with two decimals. */
const DIGITS_WITHOUT_CURRENCY = 2;

/** Puts a summary together from the ledger's totals, exactly, without reading a transaction. */
export function buildSummary(input: SummaryInput): SummaryView {
  const { period, currency, groupBy } = input;
  const digits = currency === null ? DIGITS_WITHOUT_CURRENCY : minorDigits(currency);
  const inCurrency = (aggregates: readonly TransactionAggregate[]) =>
    currency === null ? [] : aggregates.filter((aggregate) => aggregate.currency === currency);

  const series = monthSeries(period, inCurrency(input.months));
  const totals = series.reduce((sum, { totals: month }) => {
    sum.spent += month.spent;
    sum.received += month.received;
    sum.count += month.count;
    return sum;
  }, noTotals());
  const categories = categoryGroups(inCurrency(input.categories));
  const merchants = merchantGroups(inCurrency(input.merchants));

  const row = (key: string | null, label: string, rowTotals: MinorTotals): SummaryRow => ({
    key,
    label,
    ...totalsView(rowTotals, digits),
  });
  const rows =
    groupBy === 'month'
      ? series.map(({ month, totals: monthTotals }) => row(month, month, monthTotals))
      : (groupBy === 'category' ? categories : capGroups(merchants, MAX_MERCHANT_ROWS, totals)).map((group) =>
          row(group.key, group.label, group.totals),
        );

  return {
    from: period.from,
    to: period.to,
    currency,
    groupBy,
    rows,
    totals: totalsView(totals, digits),
    savingsRate: ratio(totals.received - totals.spent, totals.received),
    topCategories: topSpending(categories, totals.spent, digits),
    topMerchants: topSpending(merchants, totals.spent, digits),
    monthOverMonth: monthOverMonth(series, digits),
  };
}
