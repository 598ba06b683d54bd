import { ScenarioSource } from './tail';

/** Module binding, not a global lookup per call: globals are slow inside jest's vm context. */
const expm1 = Math.expm1;

/** At least this many h-day windows, or the quantile is a guess. */
export const MIN_HISTORICAL_SCENARIOS = 20;

export function historicalScenarioCount(lookbackDays: number, horizonDays: number): number {
  return lookbackDays - horizonDays + 1;
}

/**
 * Historical simulation: scenario j applies the h-day log return of each
 * position over days j .. j+h−1 of the lookback window (overlapping windows)
 * to today's values, revalued exactly: loss = −V·(e^R − 1).
 * Window sums come from prefix sums, so a scenario costs O(positions), not O(h·positions).
 */
export class HistoricalScenarios implements ScenarioSource {
  readonly count: number;
  private readonly prefix: Float64Array[];
  private index = 0;

  constructor(
    returns: Float64Array[],
    private readonly values: Float64Array,
    private readonly horizon: number,
  ) {
    this.count = historicalScenarioCount(returns[0].length, horizon);
    this.prefix = returns.map((r) => {
      const sums = new Float64Array(r.length + 1);
      for (let t = 0; t < r.length; t++) sums[t + 1] = sums[t] + r[t];
      return sums;
    });
  }

  reset(): void {
    this.index = 0;
  }

  skip(): void {
    this.index++;
  }

  next(losses: Float64Array): number {
    const start = this.index++;
    const end = start + this.horizon;
    let total = 0;
    for (let i = 0; i < losses.length; i++) {
      const loss = -this.values[i] * expm1(this.prefix[i][end] - this.prefix[i][start]);
      losses[i] = loss;
      total += loss;
    }
    return total;
  }
}
