/** Message patterns of the portfolio service. */
export const PORTFOLIO = {
  addHolding: 'portfolio.holding.add',
  listHoldings: 'portfolio.holding.list',
  updateHolding: 'portfolio.holding.update',
  deleteHolding: 'portfolio.holding.delete',
  listHolders: 'portfolio.holding.holders',
  addWatch: 'portfolio.watch.add',
  listWatches: 'portfolio.watch.list',
  getWatch: 'portfolio.watch.get',
  updateWatch: 'portfolio.watch.update',
  deleteWatch: 'portfolio.watch.delete',
  listAlerts: 'portfolio.alert.list',
  ingestQuotes: 'portfolio.quote.ingest',
  getQuote: 'portfolio.quote.get',
} as const;
