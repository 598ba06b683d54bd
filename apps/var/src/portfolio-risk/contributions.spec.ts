import { realPortfolio, syntheticPortfolio } from './fixtures.test-helper';
import { portfolioRisk } from './portfolio-risk';
import { PortfolioRiskMethod, PortfolioRiskParams, PortfolioRiskResult } from './types';

/** Monte-Carlo runs are slow under jest (globals are slow in its vm context). */
const SLOW = 60_000;
const methods: PortfolioRiskMethod[] = ['parametric', 'historical', 'monte-carlo'];

function params(method: PortfolioRiskMethod, positions = syntheticPortfolio()): PortfolioRiskParams {
  return { positions, method, horizonDays: 5, confidenceLevels: [0.9, 0.95, 0.99], lookbackDays: 500, samples: 200_000, seed: 3 };
}

function expectSumsToTotals(result: PortfolioRiskResult): void {
  // each contribution is rounded to cents separately: allow half a cent per position
  const slack = 0.005 * result.contributions.length + 1e-9;
  result.levels.forEach((level, l) => {
    const varSum = result.contributions.reduce((s, c) => s + c.levels[l].var, 0);
    const esSum = result.contributions.reduce((s, c) => s + c.levels[l].es, 0);
    expect(Math.abs(varSum - level.var)).toBeLessThanOrEqual(slack);
    expect(Math.abs(esSum - level.es)).toBeLessThanOrEqual(slack);
  });
  expect(Math.abs(result.contributions.reduce((s, c) => s + c.value, 0) - result.value)).toBeLessThanOrEqual(slack);
  expect(result.contributions.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 12);
}

describe.each(methods)('Euler contributions, %s', (method) => {
  it('sum to the portfolio VaR and ES at every level', () => {
    const result = portfolioRisk(params(method));
    expect(result.levels.every((level) => level.var > 0 && level.es >= level.var)).toBe(true);
    expectSumsToTotals(result);
  }, SLOW);

  it('sum to the totals on real prices too', () => {
    expectSumsToTotals(portfolioRisk({ ...params(method, realPortfolio()), lookbackDays: 1000 }));
  }, SLOW);

  it('a larger position contributes more', () => {
    const before = portfolioRisk(params(method));
    const positions = syntheticPortfolio();
    positions[1] = { ...positions[1], quantity: positions[1].quantity * 4 };
    const after = portfolioRisk(params(method, positions));
    after.levels.forEach((level, l) => {
      expect(after.contributions[1].levels[l].var).toBeGreaterThan(before.contributions[1].levels[l].var);
      expect(after.contributions[1].levels[l].es).toBeGreaterThan(before.contributions[1].levels[l].es);
      // and a larger share of the (larger) total
      expect(after.contributions[1].levels[l].es / level.es).toBeGreaterThan(before.contributions[1].levels[l].es / before.levels[l].es);
    });
    expect(after.contributions[1].weight).toBeGreaterThan(before.contributions[1].weight);
  }, SLOW);
});
