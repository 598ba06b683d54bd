import { inverseNormalCdf } from '../analysis/inverse-normal';
import { RiskFigures } from './types';

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * Variance–covariance (delta-normal): P&L ≈ Σ V_i·R_i is normal with mean
 * m = h·Vᵀμ and sd s = √(h·VᵀΣV), so VaR_c = −m + z_c·s and
 * ES_c = −m + s·φ(z_c)/(1 − c). Both are homogeneous of degree 1 in V, so
 * the Euler contributions V_i·∂/∂V_i are exact and add up to the totals:
 * VaR_i = V_i·(−h·μ_i + z_c·h·(ΣV)_i / s), and ES_i with φ(z_c)/(1 − c) for z_c.
 */
export function parametricRisk(mean: Float64Array, covariance: Float64Array, values: Float64Array, horizon: number, confidenceLevels: number[]): RiskFigures {
  const m = values.length;
  const sigmaV = new Float64Array(m);
  let variance = 0;
  let drift = 0;
  for (let i = 0; i < m; i++) {
    let sum = 0;
    for (let j = 0; j < m; j++) sum += covariance[i * m + j] * values[j];
    sigmaV[i] = sum;
    variance += values[i] * sum;
    drift += values[i] * mean[i];
  }
  const sd = Math.sqrt(horizon * Math.max(0, variance));
  const figures: RiskFigures = { var: [], es: [], varContributions: [], esContributions: [] };
  for (const c of confidenceLevels) {
    const z = inverseNormalCdf(c);
    const esFactor = (INV_SQRT_2PI * Math.exp(-0.5 * z * z)) / (1 - c);
    figures.var.push(-horizon * drift + z * sd);
    figures.es.push(-horizon * drift + esFactor * sd);
    // ∂s/∂V_i = h·(ΣV)_i / s; with s = 0 (no variance) only the drift remains
    const marginal = (k: number, i: number) => values[i] * (-horizon * mean[i] + (sd > 0 ? (k * horizon * sigmaV[i]) / sd : 0));
    figures.varContributions.push(Float64Array.from({ length: m }, (_, i) => marginal(z, i)));
    figures.esContributions.push(Float64Array.from({ length: m }, (_, i) => marginal(esFactor, i)));
  }
  return figures;
}
