import { SummaryCsv, SummaryView, Totals } from '@finstack/contracts';
import { csvField, csvLine, csvText } from './csv-fields';

const HEADER = ['key', 'label', 'currency', 'spent', 'received', 'net', 'count'];

/** A summary as a CSV file: one line per row, then a "Total" line (see SummaryCsv for the format). */
export function summaryCsv(view: SummaryView): SummaryCsv {
  const currency = view.currency ?? '';
  const line = (key: string | null, label: string, totals: Totals) =>
    csvLine([
      csvText(key ?? ''),
      csvText(label),
      csvField(currency),
      totals.spent,
      totals.received,
      totals.net,
      String(totals.count),
    ]);
  const csv =
    csvLine(HEADER) +
    view.rows.map((row) => line(row.key, row.label, row)).join('') +
    line(null, 'Total', view.totals);
  return { fileName: summaryFileName(view), csv };
}

/** summary-2025-01-01-2025-12-31-EUR.csv; other groupings say so: summary-by-category-…. */
export function summaryFileName(view: Pick<SummaryView, 'from' | 'to' | 'currency' | 'groupBy'>): string {
  const grouping = view.groupBy === 'month' ? '' : `-by-${view.groupBy}`;
  const currency = view.currency === null ? '' : `-${view.currency}`;
  return `summary${grouping}-${view.from}-${view.to}${currency}.csv`;
}
