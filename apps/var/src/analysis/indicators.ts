/** Simple moving average; NaN until `period` values exist. */
export function sma(prices: Float64Array, period: number): Float64Array {
  const out = new Float64Array(prices.length).fill(NaN);
  let sum = 0;
  for (let i = 0; i < prices.length; i++) {
    sum += prices[i];
    if (i >= period) sum -= prices[i - period];
    if (i >= period - 1) out[i] = sum / period;
  }
  return out;
}

/**
 * Mean and sample standard deviation of the simple returns between
 * consecutive prices in rows first..last (last - first returns).
 */
export function returnStats(prices: Float64Array, first: number, last: number): { mu: number; sigma: number } {
  const n = last - first;
  let sum = 0;
  for (let t = first + 1; t <= last; t++) sum += prices[t] / prices[t - 1] - 1;
  const mu = sum / n;
  let squares = 0;
  for (let t = first + 1; t <= last; t++) {
    const d = prices[t] / prices[t - 1] - 1 - mu;
    squares += d * d;
  }
  return { mu, sigma: n > 1 ? Math.sqrt(squares / (n - 1)) : 0 };
}
