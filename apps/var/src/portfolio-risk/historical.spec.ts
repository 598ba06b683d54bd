import { correlatedPrices, rowsFrom } from './fixtures.test-helper';
import { portfolioRisk } from './portfolio-risk';
import { PortfolioRiskParams } from './types';

/** |actual − expected| within the cent rounding of the result. */
function expectMoney(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(0.005 + 1e-9);
}

describe('historical VaR by hand', () => {
  // Daily price ratios: A +1 % and B +0.5 % every day except four loss days.
  const a = Array<number>(20).fill(1.01);
  const b = Array<number>(20).fill(1.005);
  [a[3], b[3]] = [0.97, 0.99];
  [a[6], b[6]] = [0.95, 0.98];
  [a[12], b[12]] = [0.96, 0.99];
  [a[15], b[15]] = [0.98, 1];
  const path = (ratios: number[]) => ratios.reduce((prices, r) => [...prices, prices[prices.length - 1] * r], [100]);
  const pa = path(a);
  const pb = path(b);
  const va = 10 * pa[20];
  const vb = 20 * pb[20];
  // Scenario losses: −(VA·(a − 1) + VB·(b − 1)); ranked from the worst: day 6, day 12, day 3, day 15, then gains.
  const day6 = 0.05 * va + 0.02 * vb;
  const day12 = 0.04 * va + 0.01 * vb;
  const day3 = 0.03 * va + 0.01 * vb;

  const params: PortfolioRiskParams = {
    positions: [
      { ticker: 'A', quantity: 10, prices: rowsFrom(pa) },
      { ticker: 'B', quantity: 20, prices: rowsFrom(pb) },
    ],
    method: 'historical',
    horizonDays: 1,
    confidenceLevels: [0.9, 0.95],
    lookbackDays: 20,
    samples: 0, // ignored by this method
  };
  const result = portfolioRisk(params);

  it('uses the 20 one-day windows and today’s values', () => {
    expect(result.metadata).toMatchObject({ scenarios: 20, samples: null, seed: null, seeded: false });
    expect(result.asOf).toBe('2020-01-21');
    expectMoney(result.value, va + vb);
  });

  it('90 %: rank 18 of 20 is the third-worst day (day 3); ES is the mean of the three worst', () => {
    expectMoney(result.levels[0].var, day3);
    expectMoney(result.levels[0].es, (day6 + day12 + day3) / 3);
    expect(result.levels[0].varPct).toBeCloseTo(day3 / (va + vb), 12);
  });

  it('95 %: rank 19 is the second-worst day (day 12); ES is the mean of the two worst', () => {
    expectMoney(result.levels[1].var, day12);
    expectMoney(result.levels[1].es, (day6 + day12) / 2);
  });

  it('contributions: ES by the tail means, VaR by the ranks 17..19 (days 15, 3, 12) rescaled to VaR', () => {
    const [ca, cb] = result.contributions;
    expectMoney(ca.levels[0].es, (va * (0.05 + 0.04 + 0.03)) / 3);
    expectMoney(cb.levels[0].es, (vb * (0.02 + 0.01 + 0.01)) / 3);
    const windowA = (va * (0.02 + 0.03 + 0.04)) / 3;
    const windowB = (vb * (0 + 0.01 + 0.01)) / 3;
    const scale = day3 / (windowA + windowB);
    expectMoney(ca.levels[0].var, windowA * scale);
    expectMoney(cb.levels[0].var, windowB * scale);
  });

  it('50 %: the rank falls among 16 tied gain days; the tail takes exactly 7 of them', () => {
    const tied = portfolioRisk({ ...params, confidenceLevels: [0.5] });
    const gain = -(0.01 * va + 0.005 * vb);
    const day15 = 0.02 * va;
    // rank 10 of 20: the tail is the 4 loss days and 7 of the identical gain days
    expectMoney(tied.levels[0].var, gain);
    expectMoney(tied.levels[0].es, (day6 + day12 + day3 + day15 + 7 * gain) / 11);
    expectMoney(tied.contributions[0].levels[0].es, (va * (0.05 + 0.04 + 0.03 + 0.02 - 7 * 0.01)) / 11);
    expectMoney(tied.contributions[1].levels[0].es, (vb * (0.02 + 0.01 + 0.01 + 0 - 7 * 0.005)) / 11);
  });
});

describe('historical h-day windows', () => {
  it('equal a brute-force computation on the last lookbackDays + 1 prices', () => {
    const paths = correlatedPrices(80, [0.0003, -0.0001], [[0.015, 0], [0.006, 0.01]], 11);
    const quantities = [7, 40];
    const params: PortfolioRiskParams = {
      positions: paths.map((p, i) => ({ ticker: `T${i}`, quantity: quantities[i], prices: rowsFrom(p) })),
      method: 'historical',
      horizonDays: 5,
      confidenceLevels: [0.9, 0.97],
      lookbackDays: 50,
      samples: 1000,
    };
    const result = portfolioRisk(params);
    const recent = paths.map((p) => p.slice(-51));
    const values = recent.map((p, i) => quantities[i] * p[50]);
    const losses: number[] = [];
    for (let j = 0; j + 5 <= 50; j++) losses.push(-values.reduce((sum, v, i) => sum + v * (recent[i][j + 5] / recent[i][j] - 1), 0));
    losses.sort((x, y) => x - y);
    expect(result.metadata.scenarios).toBe(46);
    [0.9, 0.97].forEach((c, l) => {
      const rank = Math.ceil(c * 46); // 42 and 45
      const tail = losses.slice(rank - 1);
      expectMoney(result.levels[l].var, losses[rank - 1]);
      expectMoney(result.levels[l].es, tail.reduce((s, x) => s + x, 0) / tail.length);
    });
  });
});
