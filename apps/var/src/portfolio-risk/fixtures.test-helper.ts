import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { standardNormal } from '../analysis/normal';
import { parsePriceCsv } from '../analysis/prices';
import { streamFor } from '../analysis/random';
import { PriceRow } from '../analysis/types';
import { PositionInput } from './types';

/** Test data for the portfolio-risk specs (excluded from the build by its suffix). */

const ROOT = join(__dirname, '../../../..');

/** yyyy-mm-dd of 2020-01-01 plus `day` days. */
export function isoDay(day: number): string {
  return new Date(Date.UTC(2020, 0, 1 + day)).toISOString().slice(0, 10);
}

export function rowsFrom(prices: number[], firstDay = 0): PriceRow[] {
  return prices.map((p, i) => ({ date: isoDay(firstDay + i), open: p, high: p, low: p, close: p, adjClose: p }));
}

/**
 * Seeded correlated price paths: daily log returns mu + A·z with A given
 * row by row (lower-triangular), so their covariance is A·Aᵀ.
 */
export function correlatedPrices(days: number, mu: number[], a: number[][], seed: number): number[][] {
  const rng = streamFor(seed, 99, 0);
  const m = mu.length;
  const paths = mu.map(() => [100]);
  for (let t = 1; t < days; t++) {
    const z = mu.map(() => standardNormal(rng));
    for (let i = 0; i < m; i++) {
      let r = mu[i];
      for (let k = 0; k <= i; k++) r += a[i][k] * z[k];
      paths[i].push(paths[i][t - 1] * Math.exp(r));
    }
  }
  return paths;
}

/** Three synthetic correlated assets, 600 days. */
export function syntheticPortfolio(): PositionInput[] {
  const a = [
    [0.02, 0, 0],
    [0.012, 0.016, 0],
    [0.004, 0.003, 0.008],
  ];
  const paths = correlatedPrices(600, [0.0004, 0.0002, 0.0001], a, 2024);
  return [
    { ticker: 'AAA', quantity: 300, prices: rowsFrom(paths[0]) },
    { ticker: 'BBB', quantity: 150, prices: rowsFrom(paths[1]) },
    { ticker: 'CCC', quantity: 500, prices: rowsFrom(paths[2]) },
  ];
}

/** AAPL and AMZN (data/prices) and the S&P 500 index (data/prices/SPX.csv): common dates 2005-02-22 .. 2020-02-20. */
export function realPortfolio(): PositionInput[] {
  const read = (path: string) => parsePriceCsv(readFileSync(join(ROOT, path), 'utf8'));
  return [
    { ticker: 'AAPL', quantity: 100, prices: read('data/prices/AAPL.csv') },
    { ticker: 'AMZN', quantity: 10, prices: read('data/prices/AMZN.csv') },
    { ticker: 'SPX', quantity: 5, prices: read('data/prices/SPX.csv') },
  ];
}
