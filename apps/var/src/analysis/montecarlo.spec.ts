import { inverseNormalCdf } from './inverse-normal';
import { simulateTails, tailRank } from './montecarlo';
import { standardNormal } from './normal';
import { streamFor } from './random';
import { selectInPlace } from './select';
import { ShardPool } from './shard-pool';
import { Signal } from './types';

const signals: Signal[] = [
  { index: 0, side: 'BUY', mu: 0.001, sigma: 0.02 },
  { index: 1, side: 'SELL', mu: -0.0005, sigma: 0.015 },
];

describe('inverseNormalCdf (Acklam)', () => {
  it.each([
    [0.5, 0],
    [0.975, 1.959963985],
    [0.95, 1.644853627],
    [0.01, -2.326347874],
    [0.001, -3.090232306],
    [0.999, 3.090232306],
  ])('p = %p', (p, z) => {
    expect(inverseNormalCdf(p)).toBeCloseTo(z, 7);
  });
});

describe('ziggurat normals', () => {
  it('have mean 0 and variance 1', () => {
    const rng = streamFor(7, 0, 0);
    const n = 400_000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const z = standardNormal(rng);
      sum += z;
      squares += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.01);
  });
});

describe('selectInPlace', () => {
  it('matches a sort', () => {
    const rng = streamFor(3, 1, 2);
    const values = Float64Array.from({ length: 5001 }, () => standardNormal(rng));
    const sorted = Float64Array.from(values).sort();
    for (const k of [0, 1, 250, 2500, 4000, 5000]) {
      const copy = Float64Array.from(values);
      expect(selectInPlace(copy, k)).toBe(sorted[k]);
      expect(Math.max(...copy.subarray(0, k + 1))).toBe(sorted[k]);
      expect(Math.min(...copy.subarray(k))).toBe(sorted[k]);
    }
  });

  it('handles ties and sub-ranges', () => {
    const values = Float64Array.from({ length: 3000 }, (_, i) => (i * 7919) % 13);
    const sorted = Float64Array.from(values).sort();
    for (const k of [0, 1000, 2999]) expect(selectInPlace(Float64Array.from(values), k)).toBe(sorted[k]);
    const part = Float64Array.from([5, 4, 3, 2, 1, 0]);
    expect(selectInPlace(part, 1, 0, 3)).toBe(3);
  });
});

describe('tailRank', () => {
  it('ignores binary noise in (1 - c) * S', () => {
    expect(tailRank('BUY', 0.95, 1_000_000)).toBe(50_000);
    expect(tailRank('SELL', 0.95, 1_000_000)).toBe(50_001);
    expect(tailRank('BUY', 0.99, 100)).toBe(1);
  });
});

describe('simulateTails', () => {
  const options = { samples: 100_000, seed: 12345, confidenceLevels: [0.95, 0.99] };

  // Two signals: R = 1 and 2 give each shard whole signals, R = 3 splits each signal's blocks.
  it('is reproducible with a seed, and the same for R = 1, 2 (whole signals a shard) and 3 (blocks split)', async () => {
    const one = await simulateTails(signals, { ...options, shards: 1 });
    const again = await simulateTails(signals, { ...options, shards: 1 });
    const two = await simulateTails(signals, { ...options, shards: 2, pool: new ShardPool(2, { inProcess: true }) });
    const three = await simulateTails(signals, { ...options, shards: 3 });
    expect(again).toEqual(one);
    expect(two).toEqual(one);
    expect(three).toEqual(one);
    const other = await simulateTails(signals, { ...options, seed: 54321, shards: 1 });
    expect(other).not.toEqual(one);
  });

  it('gives different draws to different signals (no reuse of Z)', async () => {
    const same = [signals[0], { ...signals[0], index: 5 }];
    const [a, b] = await simulateTails(same, { ...options, shards: 2 });
    expect(a[0].quantileZ).not.toBe(b[0].quantileZ);
  });

  it('for large S, VaR and ES are within 1 % of the analytic values', async () => {
    const levels = [0.95, 0.99];
    const tails = await simulateTails(signals, { samples: 2_000_000, seed: 99, shards: 2, confidenceLevels: levels });
    signals.forEach((signal, s) => {
      const sign = signal.side === 'BUY' ? 1 : -1;
      levels.forEach((c, l) => {
        const z = inverseNormalCdf(1 - c); // lower-tail z of Z' (negative)
        const analyticVar = signal.mu + sign * signal.sigma * z;
        const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
        const analyticEs = signal.mu - sign * signal.sigma * (density / (1 - c));
        const simulatedVar = signal.mu + sign * signal.sigma * tails[s][l].quantileZ;
        const simulatedEs = signal.mu + sign * signal.sigma * tails[s][l].meanTailZ;
        expect(Math.abs(simulatedVar / analyticVar - 1)).toBeLessThan(0.01);
        expect(Math.abs(simulatedEs / analyticEs - 1)).toBeLessThan(0.01);
      });
    });
  });

  it.each([2, 3])('reruns keeping every draw when the cut-off kept too few, with the same sample (R = %i)', async (shards) => {
    const normal = await simulateTails(signals, { ...options, shards });
    const forced = await simulateTails(signals, { ...options, shards, keepFraction: 0.001 });
    forced.forEach((perLevel, s) =>
      perLevel.forEach((tail, l) => {
        expect(tail.quantileZ).toBe(normal[s][l].quantileZ);
        expect(tail.meanTailZ).toBeCloseTo(normal[s][l].meanTailZ, 12);
      }),
    );
  });

  it('works for the smallest S and more shards than blocks', async () => {
    const tails = await simulateTails(signals, { samples: 100, seed: 1, shards: 16, confidenceLevels: [0.95, 0.99] });
    expect(tails[0].map((t) => t.rank)).toEqual([5, 1]);
    expect(tails[0][1].quantileZ).toBeLessThanOrEqual(tails[0][0].quantileZ);
  });
});
