import { DailyBar } from './market-data-provider';

/** The price-history upload format (see the var service's price CSV): the provider has no adjusted close, so Close is repeated. */
export function historyCsv(bars: readonly DailyBar[]): string {
  const lines = ['Date,Open,High,Low,Close,Adj Close,Volume'];
  for (const bar of bars) lines.push([bar.date, bar.open, bar.high, bar.low, bar.close, bar.close, bar.volume].join(','));
  return lines.join('\n') + '\n';
}
