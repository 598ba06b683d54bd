import { syntheticPortfolio } from './fixtures.test-helper';
import { portfolioRisk } from './portfolio-risk';
import { PortfolioRiskParams } from './types';

/** Quantiles and densities written out, independent of the code under test. */
const Z = { 0.95: 1.6448536269514722, 0.99: 2.3263478740408408 };
const phi = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);

function closedForm(params: PortfolioRiskParams) {
  const n = params.lookbackDays;
  const series = params.positions.map((p) => p.prices.slice(-(n + 1)).map((row) => row.adjClose));
  const returns = series.map((p) => p.slice(1).map((x, t) => Math.log(x / p[t])));
  const mu = returns.map((r) => r.reduce((s, x) => s + x, 0) / n);
  const cov = returns.map((ri, i) => returns.map((rj, j) => ri.reduce((s, x, t) => s + (x - mu[i]) * (rj[t] - mu[j]), 0) / (n - 1)));
  const values = params.positions.map((p, i) => p.quantity * series[i][n]);
  const h = params.horizonDays;
  let mean = 0;
  let variance = 0;
  values.forEach((vi, i) => {
    mean += h * vi * mu[i];
    values.forEach((vj, j) => (variance += h * vi * vj * cov[i][j]));
  });
  const sd = Math.sqrt(variance);
  return ([0.95, 0.99] as const).map((c) => ({ var: -mean + Z[c] * sd, es: -mean + (sd * phi(Z[c])) / (1 - c) }));
}

describe('parametric VaR', () => {
  const base: PortfolioRiskParams = { positions: syntheticPortfolio(), method: 'parametric', horizonDays: 1, confidenceLevels: [0.95, 0.99], lookbackDays: 250, samples: 100 };

  it.each([1, 10])('equals the closed form −m + z·s, ES −m + s·φ(z)/(1 − c), horizon %p', (horizonDays) => {
    const params = { ...base, horizonDays };
    const result = portfolioRisk(params);
    const expected = closedForm(params);
    result.levels.forEach((level, l) => {
      expect(Math.abs(level.var - expected[l].var)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(level.es - expected[l].es)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(level.varPct).toBeCloseTo(expected[l].var / result.value, 6);
    });
    expect(result.metadata).toMatchObject({ samples: null, scenarios: null, seed: null, seeded: false });
    expect(result.observations).toBe(250);
  });

  it('uses the lookback window only: older prices do not change the result', () => {
    const trimmed = { ...base, positions: base.positions.map((p) => ({ ...p, prices: p.prices.slice(-251) })) };
    expect(portfolioRisk(trimmed).levels).toEqual(portfolioRisk(base).levels);
    const longer = portfolioRisk({ ...base, lookbackDays: 500 });
    expect(longer.levels[0].var).not.toBe(portfolioRisk(base).levels[0].var);
  });
});
