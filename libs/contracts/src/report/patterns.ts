/** Message patterns of the report service. */
export const REPORT = {
  score: 'report.score',
  summary: 'report.summary',
  summaryCsv: 'report.summary.csv',
  cashflow: 'report.cashflow',
} as const;
