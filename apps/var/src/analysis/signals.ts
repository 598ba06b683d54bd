import { returnStats, sma } from './indicators';
import { CandlesStrategy, PriceRow, Signal, SmaCrossoverStrategy } from './types';

/**
 * SMA(A) crossover on `prices`. A signal at row i needs i >= V (the first V
 * rows never signal) and SMA(A) at i - 1; mu/sigma come from the V - 1
 * returns over rows i-V+1..i.
 */
export function smaCrossoverSignals(prices: Float64Array, strategy: SmaCrossoverStrategy, average = sma(prices, strategy.period)): Signal[] {
  const { period, volatilityWindow: v } = strategy;
  const signals: Signal[] = [];
  for (let i = Math.max(v, period); i < prices.length; i++) {
    const prevBelow = prices[i - 1] < average[i - 1];
    const prevAbove = prices[i - 1] > average[i - 1];
    let side: 'BUY' | 'SELL' | null = null;
    if (prevBelow && prices[i] > average[i]) side = 'BUY';
    else if (prevAbove && prices[i] < average[i]) side = 'SELL';
    if (side) signals.push({ index: i, side, ...returnStats(prices, i - v + 1, i) });
  }
  return signals;
}

/**
 * Three white soldiers (BUY) / three black crows (SELL) on raw open/close:
 * rows i-2, i-1, i each with a body >= `body` and strictly monotone closes.
 * mu/sigma come from the H prices before row i; a signal without P rows
 * after it is skipped.
 */
export function candleSignals(rows: PriceRow[], prices: Float64Array, strategy: CandlesStrategy): Signal[] {
  // A tolerance so a body of exactly one cent is not lost to binary rounding.
  const body = (strategy.body ?? 0.01) - 1e-9;
  const { history: h, holdDays: p } = strategy;
  const signals: Signal[] = [];
  for (let i = Math.max(h, 2); i + p < rows.length; i++) {
    const a = rows[i - 2];
    const b = rows[i - 1];
    const c = rows[i];
    let side: 'BUY' | 'SELL' | null = null;
    if (a.close - a.open >= body && b.close - b.open >= body && c.close - c.open >= body && a.close < b.close && b.close < c.close) side = 'BUY';
    else if (a.open - a.close >= body && b.open - b.close >= body && c.open - c.close >= body && a.close > b.close && b.close > c.close) side = 'SELL';
    if (side) signals.push({ index: i, side, ...returnStats(prices, i - h, i - 1) });
  }
  return signals;
}
