/**
 * Lower-triangular L with L·Lᵀ = Σ for a symmetric positive SEMIdefinite Σ
 * (m×m, row-major). Sample covariances are often singular: two identical
 * series, more positions than returns, a constant price. Where the remaining
 * variance of a column is at rounding level (relative to its diagonal) the
 * column is dependent on the earlier ones and is set to zero instead of
 * dividing by ~0; L·Lᵀ then reproduces Σ to rounding and no jitter biases
 * the variances.
 */
export const CHOLESKY_TOLERANCE = 1e-10;

export function choleskySemidefinite(sigma: Float64Array, m: number): Float64Array {
  const L = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    let d = sigma[j * m + j];
    for (let k = 0; k < j; k++) d -= L[j * m + k] * L[j * m + k];
    if (!(d > CHOLESKY_TOLERANCE * sigma[j * m + j])) {
      if (d < -1e-8 * Math.max(1e-300, sigma[j * m + j]) || Number.isNaN(d)) throw new Error('covariance matrix is not positive semidefinite');
      continue; // column j stays zero
    }
    const root = Math.sqrt(d);
    L[j * m + j] = root;
    for (let i = j + 1; i < m; i++) {
      let s = sigma[i * m + j];
      for (let k = 0; k < j; k++) s -= L[i * m + k] * L[j * m + k];
      L[i * m + j] = s / root;
    }
  }
  return L;
}
