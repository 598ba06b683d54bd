import { Trade } from './types';

/** One confidence level's VaR backtest over the trades of an analysis. */
export interface LevelBacktest {
  confidence: number;
  trades: number;
  /** trades whose loss exceeds that trade's VaR: pnl < −varMoney */
  breaches: number;
  /** trades × (1 − confidence) */
  expectedBreaches: number;
  /** Kupiec's proportion-of-failures likelihood ratio; null without trades */
  kupiecLr: number | null;
  /** P(χ²₁ ≥ kupiecLr); a small value says the VaR is miscalibrated. Null without trades. */
  kupiecPValue: number | null;
}

/**
 * Backtests each level's VaR against the trades' realised P&L (Kupiec 1995):
 * with n trades, x breaches and p = 1 − confidence,
 * LR = −2·ln[(1−p)^(n−x)·p^x] + 2·ln[(1−x/n)^(n−x)·(x/n)^x], χ² with 1 dof under the null.
 */
export function backtest(trades: Trade[], levels: number[]): LevelBacktest[] {
  return levels.map((confidence, l) => {
    const n = trades.length;
    const breaches = trades.filter((trade) => trade.pnl < -trade.risk[l].varMoney).length;
    const p = 1 - confidence;
    // rounded only to hide binary noise (20 × 0.05 = 1.0000000000000009)
    const expectedBreaches = Math.round(n * p * 1e9) / 1e9;
    if (n === 0) return { confidence, trades: 0, breaches: 0, expectedBreaches, kupiecLr: null, kupiecPValue: null };
    const kupiecLr = Math.max(0, -2 * (logLikelihood(n, breaches, p) - logLikelihood(n, breaches, breaches / n)));
    return { confidence, trades: n, breaches, expectedBreaches, kupiecLr, kupiecPValue: chiSquare1Survival(kupiecLr) };
  });
}

/** ln[(1−q)^(n−x)·q^x], with 0·ln 0 = 0 (no breaches, or only breaches). */
function logLikelihood(n: number, x: number, q: number): number {
  const misses = n - x === 0 ? 0 : (n - x) * Math.log(1 - q);
  const hits = x === 0 ? 0 : x * Math.log(q);
  return misses + hits;
}

/** P(χ²₁ ≥ s) = erfc(√(s/2)). */
export function chiSquare1Survival(statistic: number): number {
  return erfc(Math.sqrt(statistic / 2));
}

/**
 * The complementary error function by the Chebyshev fit of Press et al.,
 * Numerical Recipes (2nd ed., §6.2, "erfcc"): fractional error below 1.2e-7
 * everywhere, ample for a p-value.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const value = t * Math.exp(-z * z + poly);
  return x >= 0 ? value : 2 - value;
}
