import { standardNormal } from '../analysis/normal';
import { streamFor, Xoshiro128 } from '../analysis/random';
import { ScenarioSource } from './tail';

/** Module binding, not a global lookup per call: globals are slow inside jest's vm context. */
const expm1 = Math.expm1;

/**
 * Monte-Carlo: the h-day log returns are jointly normal,
 * R = h·μ + √h·L·z with L·Lᵀ = Σ and z i.i.d. N(0,1), and each position is
 * revalued exactly: loss = −V·(e^R − 1). One seeded stream drives the whole
 * sequence, so reset() replays it bit for bit (the attribution pass needs that).
 */
export class MonteCarloScenarios implements ScenarioSource {
  private readonly drift: Float64Array;
  private readonly factor: Float64Array;
  private readonly z: Float64Array;
  private rng!: Xoshiro128;

  constructor(
    mean: Float64Array,
    cholesky: Float64Array,
    private readonly values: Float64Array,
    horizon: number,
    readonly count: number,
    private readonly seed: number,
  ) {
    this.drift = mean.map((mu) => horizon * mu);
    const root = Math.sqrt(horizon);
    this.factor = cholesky.map((x) => root * x);
    this.z = new Float64Array(mean.length);
    this.reset();
  }

  reset(): void {
    this.rng = streamFor(this.seed, 0, 0);
  }

  skip(): void {
    const rng = this.rng;
    for (let j = this.z.length; j > 0; j--) standardNormal(rng);
  }

  next(losses: Float64Array): number {
    const m = losses.length;
    const { z, factor, drift, values, rng } = this;
    for (let j = 0; j < m; j++) z[j] = standardNormal(rng);
    let total = 0;
    for (let i = 0; i < m; i++) {
      // L is lower-triangular: row i uses z[0..i]
      let r = drift[i];
      const row = i * m;
      for (let k = 0; k <= i; k++) r += factor[row + k] * z[k];
      const loss = -values[i] * expm1(r);
      losses[i] = loss;
      total += loss;
    }
    return total;
  }
}
