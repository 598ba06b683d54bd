/** Message patterns of the var (risk) service. */
export const VAR = {
  putPrices: 'var.prices.put',
  listTickers: 'var.prices.tickers',
  getPrices: 'var.prices.get',
  lastCloses: 'var.prices.last-closes',
  runAnalysis: 'var.analysis.run',
  runPortfolio: 'var.portfolio.run',
  getRun: 'var.run.get',
  listRuns: 'var.run.list',
} as const;
