import { choleskySemidefinite } from './cholesky';
import { returnStats } from './returns';

function times(L: Float64Array, m: number): number[][] {
  return Array.from({ length: m }, (_, i) => Array.from({ length: m }, (_, j) => {
    let sum = 0;
    for (let k = 0; k < m; k++) sum += L[i * m + k] * L[j * m + k];
    return sum;
  }));
}

describe('choleskySemidefinite', () => {
  it('factors a known 3×3 covariance: L·Lᵀ = Σ and L is the hand-computed factor', () => {
    // Σ = L·Lᵀ for L = [[2,0,0],[1,3,0],[0.2,0.4,1]]
    const sigma = [
      [4, 2, 0.4],
      [2, 10, 1.4],
      [0.4, 1.4, 1.2],
    ];
    const L = choleskySemidefinite(Float64Array.from(sigma.flat()), 3);
    expect(Array.from(L)).toEqual([2, 0, 0, 1, 3, 0, 0.2, 0.4, 1].map((x) => expect.closeTo(x, 12)));
    times(L, 3).forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(sigma[i][j], 12)));
  });

  it('handles a singular covariance (two identical assets) without NaN', () => {
    const a = [0.01, -0.02, 0.015, 0.003, -0.007, 0.012];
    const b = [0.004, 0.001, -0.006, 0.009, 0.002, -0.003];
    const toPrices = (r: number[]) => Float64Array.from([100, ...r.map((_, t) => 100 * Math.exp(r.slice(0, t + 1).reduce((s, x) => s + x, 0)))]);
    const { covariance } = returnStats([toPrices(a), toPrices(a), toPrices(b)]);
    const L = choleskySemidefinite(covariance, 3);
    expect(Array.from(L).every(Number.isFinite)).toBe(true);
    // the second column is dependent on the first and carries nothing
    expect(L[1 * 3 + 1]).toBe(0);
    expect(L[2 * 3 + 1]).toBe(0);
    times(L, 3).forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(covariance[i * 3 + j], 15)));
  });

  it('handles a zero-variance asset and rejects an indefinite matrix', () => {
    const L = choleskySemidefinite(Float64Array.from([0, 0, 0, 4]), 2);
    expect(Array.from(L)).toEqual([0, 0, 0, 2]);
    expect(() => choleskySemidefinite(Float64Array.from([1, 2, 2, 1]), 2)).toThrow('not positive semidefinite');
  });
});
