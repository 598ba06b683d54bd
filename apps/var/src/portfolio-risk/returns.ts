/** Daily log returns and their sample moments, the inputs of every method. */

export interface ReturnStats {
  /** n: returns per position */
  observations: number;
  /** returns[i][t] = ln(P[t+1] / P[t]) of position i */
  returns: Float64Array[];
  /** μ: mean daily log return per position */
  mean: Float64Array;
  /** Σ: sample covariance (n − 1), m×m row-major */
  covariance: Float64Array;
}

export function logReturns(prices: Float64Array): Float64Array {
  const out = new Float64Array(prices.length - 1);
  for (let t = 0; t < out.length; t++) out[t] = Math.log(prices[t + 1] / prices[t]);
  return out;
}

export function returnStats(prices: Float64Array[]): ReturnStats {
  const returns = prices.map(logReturns);
  const m = returns.length;
  const n = returns[0].length;
  const mean = new Float64Array(m);
  for (let i = 0; i < m; i++) mean[i] = returns[i].reduce((sum, r) => sum + r, 0) / n;
  // Two-pass (centred) products: no cancellation between E[xy] and E[x]E[y].
  const centred = returns.map((r, i) => r.map((x) => x - mean[i]));
  const covariance = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      const a = centred[i];
      const b = centred[j];
      let sum = 0;
      for (let t = 0; t < n; t++) sum += a[t] * b[t];
      covariance[i * m + j] = covariance[j * m + i] = sum / (n - 1);
    }
  }
  return { observations: n, returns, mean, covariance };
}
