import { quantileRank, ScenarioSource, simulatedRisk } from './tail';

/** Scenarios from a fixed table of per-position losses. */
class TableSource implements ScenarioSource {
  private index = 0;
  constructor(private readonly rows: number[][]) {}
  get count(): number {
    return this.rows.length;
  }
  reset(): void {
    this.index = 0;
  }
  skip(): void {
    this.index++;
  }
  next(losses: Float64Array): number {
    const row = this.rows[this.index++];
    row.forEach((x, i) => (losses[i] = x));
    return row.reduce((a, b) => a + b, 0);
  }
}

describe('quantileRank', () => {
  it('is ceil(c·S), ignoring binary noise in c·S', () => {
    expect(quantileRank(0.95, 1_000_000)).toBe(950_000);
    expect(quantileRank(0.9, 20)).toBe(18);
    expect(quantileRank(0.99, 150)).toBe(149);
    expect(quantileRank(0.001, 100)).toBe(1);
  });
});

describe('simulatedRisk', () => {
  it('with ties at the VaR rank, the tail has exactly S − rank + 1 scenarios and the contributions add up', () => {
    // 8 scenarios share the portfolio loss 2 but split it differently between the positions
    const rows = [
      [5, 5],
      [4, 3],
      ...Array.from({ length: 8 }, (_, i) => [i % 2 ? 2 : 0, i % 2 ? 0 : 2]),
      ...Array.from({ length: 10 }, (_, i) => [-i, 0.5]),
    ];
    // c = 0.7: rank 14 of 20, tail of 7 = the two worst and the first 5 tied (in sequence order)
    const figures = simulatedRisk(new TableSource(rows), 2, [0.7]);
    expect(figures.var[0]).toBe(2);
    expect(figures.es[0]).toBeCloseTo((10 + 7 + 5 * 2) / 7, 12);
    // tied scenarios 1..5 are [0,2], [2,0], [0,2], [2,0], [0,2]
    expect(figures.esContributions[0][0]).toBeCloseTo((5 + 4 + 4) / 7, 12);
    expect(figures.esContributions[0][1]).toBeCloseTo((5 + 3 + 6) / 7, 12);
    expect(figures.varContributions[0][0] + figures.varContributions[0][1]).toBeCloseTo(2, 12);
  });

  it('refuses a source whose replay differs from the first pass', () => {
    let calls = 0;
    const unstable: ScenarioSource = {
      count: 100,
      reset: () => undefined,
      skip: () => undefined,
      next: (losses) => {
        losses[0] = calls++;
        return losses[0];
      },
    };
    expect(() => simulatedRisk(unstable, 1, [0.95])).toThrow('scenario replay diverged');
  });
});
