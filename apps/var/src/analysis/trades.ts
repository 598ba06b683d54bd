import { Signal, Side } from './types';

/** Plain-number money rounded to cents: risk figures for charts, not ledger money. */
export function cents(value: number): number {
  return Math.round(value * 100) / 100;
}

export interface RawTrade {
  signal: Side;
  openIndex: number;
  closeIndex: number;
  openPrice: number;
  closePrice: number;
  pnl: number;
  cumulativePnl: number;
}

function pnlOf(side: Side, units: number, open: number, close: number): number {
  const pnl = units * (close - open);
  return side === 'SELL' ? -pnl : pnl;
}

function withCumulative(trades: Omit<RawTrade, 'cumulativePnl'>[]): RawTrade[] {
  let cumulative = 0;
  return trades.map((trade) => {
    cumulative = cents(cumulative + trade.pnl);
    return { ...trade, cumulativePnl: cumulative };
  });
}

/** SMA crossover: each signal closes at the next signal; the last at the last row. */
export function crossoverTrades(signals: Signal[], prices: Float64Array, units: number): RawTrade[] {
  return withCumulative(
    signals.map((signal, i) => {
      const closeIndex = i + 1 < signals.length ? signals[i + 1].index : prices.length - 1;
      const openPrice = prices[signal.index];
      const closePrice = prices[closeIndex];
      return { signal: signal.side, openIndex: signal.index, closeIndex, openPrice, closePrice, pnl: cents(pnlOf(signal.side, units, openPrice, closePrice)) };
    }),
  );
}

/** Candles: each signal is held P rows (signals without P rows after them were already dropped). */
export function holdTrades(signals: Signal[], prices: Float64Array, units: number, holdDays: number): RawTrade[] {
  return withCumulative(
    signals.map((signal) => {
      const closeIndex = signal.index + holdDays;
      const openPrice = prices[signal.index];
      const closePrice = prices[closeIndex];
      return { signal: signal.side, openIndex: signal.index, closeIndex, openPrice, closePrice, pnl: cents(pnlOf(signal.side, units, openPrice, closePrice)) };
    }),
  );
}
