import { randomInt } from 'node:crypto';
import { cents } from '../analysis/trades';
import { choleskySemidefinite } from './cholesky';
import { HistoricalScenarios } from './historical';
import { MonteCarloScenarios } from './montecarlo';
import { parametricRisk } from './parametric';
import { returnStats } from './returns';
import { simulatedRisk } from './tail';
import { PortfolioRiskParams, PortfolioRiskResult, RiskFigures } from './types';
import { checkPortfolioRiskParams } from './validate';

export class PortfolioRiskInputError extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join('; '));
    this.name = 'PortfolioRiskInputError';
  }
}

/** Portfolio VaR/ES and their per-position Euler contributions, by the chosen method. */
export function portfolioRisk(params: PortfolioRiskParams): PortfolioRiskResult {
  const started = performance.now();
  const { errors, window } = checkPortfolioRiskParams(params);
  if (errors.length || !window) throw new PortfolioRiskInputError(errors.length ? errors : ['no price window']);
  const { positions, method, horizonDays: horizon, confidenceLevels: levels } = params;
  const m = positions.length;
  const stats = returnStats(window.prices);
  const prices = window.prices.map((series) => series[series.length - 1]);
  const values = Float64Array.from(positions, (p, i) => p.quantity * prices[i]);
  const total = values.reduce((a, b) => a + b, 0);

  let figures: RiskFigures;
  let samples: number | null = null;
  let scenarios: number | null = null;
  let seed: number | null = null;
  let seeded = false;
  if (method === 'parametric') {
    figures = parametricRisk(stats.mean, stats.covariance, values, horizon, levels);
  } else if (method === 'historical') {
    const source = new HistoricalScenarios(stats.returns, values, horizon);
    scenarios = source.count;
    figures = simulatedRisk(source, m, levels);
  } else {
    seeded = params.seed !== undefined;
    seed = params.seed ?? randomInt(0, 0xffffffff);
    samples = params.samples;
    const factor = choleskySemidefinite(stats.covariance, m);
    figures = simulatedRisk(new MonteCarloScenarios(stats.mean, factor, values, horizon, samples, seed), m, levels);
  }

  return {
    method,
    horizonDays: horizon,
    lookbackDays: params.lookbackDays,
    asOf: window.dates[window.dates.length - 1],
    value: cents(total),
    observations: stats.observations,
    levels: levels.map((confidence, l) => ({
      confidence,
      var: cents(figures.var[l]),
      es: cents(figures.es[l]),
      varPct: figures.var[l] / total,
      esPct: figures.es[l] / total,
    })),
    contributions: positions.map((position, i) => ({
      ticker: position.ticker,
      quantity: position.quantity,
      price: prices[i],
      value: cents(values[i]),
      weight: values[i] / total,
      levels: levels.map((confidence, l) => ({ confidence, var: cents(figures.varContributions[l][i]), es: cents(figures.esContributions[l][i]) })),
    })),
    histogram: figures.histogram ?? null,
    metadata: { samples, scenarios, seed, seeded, durationMs: performance.now() - started },
  };
}
