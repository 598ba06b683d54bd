/** What the report service returns; money is a decimal string in the currency of the report. */
import {
  ApiCurrency,
  ApiDay,
  ApiEnum,
  ApiInteger,
  ApiList,
  ApiMoney,
  ApiNested,
  ApiNullableCurrency,
  ApiNullableMoney,
  ApiNullableNumber,
  ApiNullableText,
  ApiNumber,
  ApiText,
} from '../openapi';
import { CASHFLOW_INTERVALS, SUMMARY_GROUPINGS } from './report-query.dto';
import type { CashflowInterval, SummaryGrouping } from './report-query.dto';

/** Totals of the scored transactions in one currency. */
export class CurrencyScore {
  @ApiCurrency()
  currency!: string;
  @ApiInteger()
  count!: number;
  @ApiMoney({ example: '120.50', description: 'sum of the negative amounts, shown as a positive number' })
  totalSpent!: string;
  @ApiMoney({ example: '2000.00', description: 'sum of the positive amounts' })
  totalReceived!: string;
  @ApiMoney({ example: '1879.50', description: 'totalReceived − totalSpent' })
  net!: string;
}

export class ScoreView {
  @ApiInteger()
  count!: number;
  @ApiList(CurrencyScore, { description: 'one entry per currency, in alphabetical order: amounts in different currencies are never added' })
  currencies!: CurrencyScore[];
}

export class Totals {
  @ApiMoney({ example: '120.50', description: 'shown as a positive number' })
  spent!: string;
  @ApiMoney({ example: '2000.00' })
  received!: string;
  @ApiMoney({ example: '1879.50' })
  net!: string;
  @ApiInteger()
  count!: number;
}

export class SummaryRow extends Totals {
  @ApiNullableText({
    description:
      'month: "YYYY-MM"; category: its id, null for uncategorised; merchant: the payee key ("tesco stores"), ' +
      'null for transactions without a recognisable payee and for the "Other merchants" row',
  })
  key!: string | null;
  @ApiText({ description: 'what a person reads: the month, the category name or "Uncategorised", the payee' })
  label!: string;
}

export class TopSpending {
  @ApiNullableText()
  key!: string | null;
  @ApiText()
  label!: string;
  @ApiMoney({ example: '120.50' })
  spent!: string;
  @ApiInteger()
  count!: number;
  @ApiNumber({ minimum: 0, maximum: 1, description: "share of the period's spending, rounded to 4 decimals" })
  share!: number;
}

export class MonthChange {
  @ApiText({ pattern: '^\\d{4}-\\d{2}$', example: '2025-03' })
  month!: string;
  @ApiMoney()
  spent!: string;
  @ApiMoney()
  received!: string;
  @ApiMoney()
  net!: string;
  @ApiNullableMoney({ description: 'difference from the month before (null for the first month of the period)' })
  spentChange!: string | null;
  @ApiNullableMoney()
  receivedChange!: string | null;
  @ApiNullableMoney()
  netChange!: string | null;
  @ApiNullableNumber({ description: 'relative change of spending, e.g. 0.25 for +25 %; null when the month before spent nothing' })
  spentChangeRatio!: number | null;
}

export class SummaryView {
  @ApiDay()
  from!: string;
  @ApiDay()
  to!: string;
  @ApiNullableCurrency({ description: 'null when the period holds no transactions and no currency was asked for' })
  currency!: string | null;
  @ApiEnum(SUMMARY_GROUPINGS, 'SummaryGrouping')
  groupBy!: SummaryGrouping;
  @ApiList(SummaryRow, {
    description:
      'month: every month of the period, zero-filled; category: by spending, then label; merchant: the top 100, ' +
      'then one "Other merchants" row, so the rows always add up to the totals',
  })
  rows!: SummaryRow[];
  @ApiNested(Totals)
  totals!: Totals;
  @ApiNullableNumber({ description: '(received − spent) / received, rounded to 4 decimals; null when nothing was received' })
  savingsRate!: number | null;
  @ApiList(TopSpending, { description: 'the 5 categories with the most spending, most first' })
  topCategories!: TopSpending[];
  @ApiList(TopSpending, { description: 'the 5 merchants with the most spending, most first' })
  topMerchants!: TopSpending[];
  @ApiList(MonthChange)
  monthOverMonth!: MonthChange[];
}

/** One day, ISO week (Monday to Sunday) or calendar month of a cash flow. */
export class CashflowPoint extends Totals {
  @ApiDay({ description: 'first day of the interval, clipped to `from`' })
  start!: string;
  @ApiDay({ description: 'last day of the interval, clipped to `to`' })
  end!: string;
}

export class CashflowView {
  @ApiDay()
  from!: string;
  @ApiDay()
  to!: string;
  @ApiNullableCurrency()
  currency!: string | null;
  @ApiEnum(CASHFLOW_INTERVALS, 'CashflowInterval')
  interval!: CashflowInterval;
  @ApiList(CashflowPoint, { description: 'every interval of the period in order, zero-filled' })
  points!: CashflowPoint[];
}

/**
 * The summary as RFC 4180 CSV (CRLF line ends): a header line
 * `key,label,currency,spent,received,net,count`, one line per row, and a
 * last line labelled "Total". A text field starting with =, +, -, @, a tab or
 * a carriage return is written with a leading single quote (') so that a
 * spreadsheet shows it as text instead of running it as a formula; amounts
 * and counts are written as they are.
 */
export interface SummaryCsv {
  /** e.g. summary-2025-01-01-2025-12-31-EUR.csv, or summary-by-category-….csv */
  fileName: string;
  csv: string;
}
