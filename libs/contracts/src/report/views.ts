/** What the report service returns; money is a decimal string in the currency of the report. */
import type { CashflowInterval, SummaryGrouping } from './report-query.dto';

/** Totals of the scored transactions in one currency. */
export interface CurrencyScore {
  currency: string;
  count: number;
  /** Sum of the negative amounts, shown as a positive number. */
  totalSpent: string;
  /** Sum of the positive amounts. */
  totalReceived: string;
  /** totalReceived − totalSpent. */
  net: string;
}

export interface ScoreView {
  count: number;
  /** One entry per currency, in alphabetical order: amounts in different currencies are never added. */
  currencies: CurrencyScore[];
}

export interface Totals {
  spent: string;
  received: string;
  net: string;
  count: number;
}

export interface SummaryRow extends Totals {
  /**
   * month: "YYYY-MM"; category: its id, null for uncategorised; merchant: the
   * ledger's payee key ("tesco stores"), null for transactions without a
   * recognisable payee and for the "Other merchants" row.
   */
  key: string | null;
  /**
   * What a person reads: the month; the category's name or "Uncategorised";
   * the payee ("Tesco Stores"), "Unknown merchant" or "Other merchants".
   */
  label: string;
}

export interface TopSpending {
  key: string | null;
  label: string;
  spent: string;
  count: number;
  /** Share of the period's spending, 0 to 1, rounded to 4 decimals. */
  share: number;
}

export interface MonthChange {
  month: string;
  spent: string;
  received: string;
  net: string;
  /** Difference from the month before (null for the first month of the period). */
  spentChange: string | null;
  receivedChange: string | null;
  netChange: string | null;
  /** Relative change of spending rounded to 4 decimals, e.g. 0.25 for +25 %; null when the month before spent nothing. */
  spentChangeRatio: number | null;
}

export interface SummaryView {
  from: string;
  to: string;
  /** Null when the period holds no transactions and no currency was asked for. */
  currency: string | null;
  groupBy: SummaryGrouping;
  /**
   * month: every month of the period in order, zero-filled. category: every
   * category with transactions, by spending (most first), then by label.
   * merchant: the same order, cut to the top MAX_MERCHANT_ROWS (100) merchants;
   * when there are more, one last row labelled "Other merchants" (key null)
   * holds the rest, so the rows always add up to the totals.
   */
  rows: SummaryRow[];
  totals: Totals;
  /** (received − spent) / received, rounded to 4 decimals; null when nothing was received. */
  savingsRate: number | null;
  /** The 5 categories with the most spending (none with nothing spent), most first. */
  topCategories: TopSpending[];
  /** The 5 merchants with the most spending (none with nothing spent), most first. */
  topMerchants: TopSpending[];
  /** Every month of the period in order, compared with the month before. */
  monthOverMonth: MonthChange[];
}

/** One day, ISO week (Monday to Sunday) or calendar month of a cash flow. */
export interface CashflowPoint extends Totals {
  /** First day of the interval, clipped to `from`. */
  start: string;
  /** Last day of the interval, clipped to `to`. */
  end: string;
}

export interface CashflowView {
  from: string;
  to: string;
  currency: string | null;
  interval: CashflowInterval;
  /** Every interval of the period in order, zero-filled; at most MAX_CASHFLOW_POINTS. */
  points: CashflowPoint[];
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
