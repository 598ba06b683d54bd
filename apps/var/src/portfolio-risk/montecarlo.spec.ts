import { realPortfolio, syntheticPortfolio } from './fixtures.test-helper';
import { portfolioRisk } from './portfolio-risk';
import { PortfolioRiskParams, PortfolioRiskResult } from './types';

/** S = 1,000,000 takes ~0.2 s in node but several seconds under jest (globals are slow in its vm context). */
const SLOW = 60_000;

function withoutTiming(result: PortfolioRiskResult) {
  return { ...result, metadata: { ...result.metadata, durationMs: 0 } };
}

function expectWithin(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual / expected - 1)).toBeLessThan(tolerance);
}

describe('Monte-Carlo VaR agrees with parametric VaR (1 day, S = 1,000,000)', () => {
  it.each([
    ['AAPL, AMZN and the S&P 500 (real prices, 1000 days to 2020-02-20)', realPortfolio, 1000],
    ['three synthetic correlated assets', syntheticPortfolio, 500],
  ] as const)('%s: VaR and ES within 3 %% at 95 %% and 99 %%', (_name, portfolio, lookbackDays) => {
    const params: PortfolioRiskParams = { positions: portfolio(), method: 'monte-carlo', horizonDays: 1, confidenceLevels: [0.95, 0.99], lookbackDays, samples: 1_000_000, seed: 7 };
    const simulated = portfolioRisk(params);
    const analytic = portfolioRisk({ ...params, method: 'parametric' });
    expect(simulated.value).toBe(analytic.value);
    simulated.levels.forEach((level, l) => {
      expectWithin(level.var, analytic.levels[l].var, 0.03);
      expectWithin(level.es, analytic.levels[l].es, 0.03);
      expect(level.es).toBeGreaterThan(level.var);
    });
    // the per-position figures agree too (same covariance, same Euler allocation)
    simulated.contributions.forEach((position, i) => expectWithin(position.levels[0].es, analytic.contributions[i].levels[0].es, 0.05));
    expect(simulated.metadata).toMatchObject({ samples: 1_000_000, scenarios: null, seed: 7, seeded: true });
  }, SLOW);
});

describe('Monte-Carlo seeds', () => {
  const params: PortfolioRiskParams = { positions: syntheticPortfolio(), method: 'monte-carlo', horizonDays: 5, confidenceLevels: [0.95, 0.99], lookbackDays: 250, samples: 50_000, seed: 123 };

  it('the same seed gives identical results; a different seed does not', () => {
    const first = portfolioRisk(params);
    expect(withoutTiming(portfolioRisk(params))).toEqual(withoutTiming(first));
    const other = portfolioRisk({ ...params, seed: 124 });
    expect(other.levels[0].var).not.toBe(first.levels[0].var);
    expect(other.contributions[0].levels[1].es).not.toBe(first.contributions[0].levels[1].es);
  }, SLOW);

  it('without a seed, reports the one it picked, and that seed reproduces the result', () => {
    const { seed: _seed, ...unseeded } = params;
    const result = portfolioRisk(unseeded);
    expect(result.metadata.seeded).toBe(false);
    expect(Number.isInteger(result.metadata.seed)).toBe(true);
    const replay = portfolioRisk({ ...unseeded, seed: result.metadata.seed as number });
    expect(replay.metadata.seeded).toBe(true);
    expect(withoutTiming(replay)).toEqual(withoutTiming({ ...result, metadata: { ...result.metadata, seeded: true } }));
  }, SLOW);
});

describe('Monte-Carlo with a singular covariance', () => {
  it('two positions in identical series behave like one position holding both', () => {
    const [a, b] = syntheticPortfolio();
    const twin = { ...a, ticker: 'AAA-TWIN', quantity: 200 };
    const base = { method: 'monte-carlo' as const, horizonDays: 1, confidenceLevels: [0.95, 0.99], lookbackDays: 400, samples: 400_000, seed: 5 };
    const split = portfolioRisk({ ...base, positions: [a, twin, b] });
    const merged = portfolioRisk({ ...base, positions: [{ ...a, quantity: a.quantity + twin.quantity }, b] });
    const analytic = portfolioRisk({ ...base, method: 'parametric', positions: [a, twin, b] });
    split.levels.forEach((level, l) => {
      expect(Number.isFinite(level.var) && Number.isFinite(level.es)).toBe(true);
      expectWithin(level.var, merged.levels[l].var, 0.02);
      expectWithin(level.var, analytic.levels[l].var, 0.03);
    });
    // the twins share the risk in proportion to their size (300 : 200)
    const [first, second] = split.contributions;
    expect(first.levels[1].es / second.levels[1].es).toBeCloseTo(1.5, 6);
  }, SLOW);
});
