import { randomInt } from 'node:crypto';
import { backtest } from './backtest';
import { sma } from './indicators';
import { simulateTails } from './montecarlo';
import { priceSeries } from './prices';
import { ShardPool } from './shard-pool';
import { candleSignals, smaCrossoverSignals } from './signals';
import { cents, crossoverTrades, holdTrades, RawTrade } from './trades';
import { AnalysisParams, AnalysisResult, ChartPoint, RiskAtLevel, Signal, Trade } from './types';
import { validateParams } from './validate';

export class InvalidParamsError extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join('; '));
  }
}

export const DEFAULT_UNITS = 1000;
export const DEFAULT_CONFIDENCE_LEVELS = [0.95, 0.99];

/** Signals and trades of a validated request: cheap, so the service can size the simulation before running it. */
export interface PreparedAnalysis {
  params: AnalysisParams;
  units: number;
  levels: number[];
  seed: number;
  seeded: boolean;
  prices: Float64Array;
  /** SMA(A) per row for sma-crossover (NaN before A rows); null otherwise. */
  average: Float64Array | null;
  signals: Signal[];
  raw: RawTrade[];
  started: number;
}

export interface AnalyseOptions {
  pool?: ShardPool;
  /** Called as each signal's simulation is merged, with the fraction done (0..1]. */
  onProgress?: (fraction: number) => void;
}

/** Validates the request and finds its signals and trades; throws InvalidParamsError with every problem. */
export function prepareAnalysis(params: AnalysisParams): PreparedAnalysis {
  const started = performance.now();
  const errors = validateParams(params);
  if (errors.length) throw new InvalidParamsError(errors);
  const units = params.units ?? DEFAULT_UNITS;
  const levels = params.confidenceLevels ?? DEFAULT_CONFIDENCE_LEVELS;
  const seeded = params.seed !== undefined;
  const seed = params.seed ?? randomInt(0, 0xffffffff);
  const prices = priceSeries(params.prices, params.priceField ?? 'adjClose');
  const { strategy } = params;

  let signals: Signal[];
  let average: Float64Array | null = null;
  if (strategy.kind === 'sma-crossover') {
    average = sma(prices, strategy.period);
    signals = smaCrossoverSignals(prices, strategy, average);
  } else {
    signals = candleSignals(params.prices, prices, strategy);
  }
  const raw = strategy.kind === 'sma-crossover' ? crossoverTrades(signals, prices, units) : holdTrades(signals, prices, units, strategy.holdDays);
  return { params, units, levels, seed, seeded, prices, average, signals, raw, started };
}

/** The whole analysis: signals, trades, Monte-Carlo VaR/ES per trade, summary, chart series. */
export async function analyse(params: AnalysisParams, options: AnalyseOptions = {}): Promise<AnalysisResult> {
  return completeAnalysis(prepareAnalysis(params), options);
}

/** Runs the Monte-Carlo simulation of a prepared analysis and assembles the result. */
export async function completeAnalysis(prepared: PreparedAnalysis, options: AnalyseOptions = {}): Promise<AnalysisResult> {
  const { params, units, levels, seed, seeded, prices, average, signals, raw, started } = prepared;
  const tails = await simulateTails(signals, {
    samples: params.samples,
    shards: params.shards,
    seed,
    confidenceLevels: levels,
    pool: options.pool,
    onSignalDone: options.onProgress && ((done) => options.onProgress!(done / signals.length)),
  });

  const trades: Trade[] = raw.map((trade, i) => {
    const { mu, sigma, side } = signals[i];
    // SELL draws are mu + sigma·(−Z'), see montecarlo.ts
    const sign = side === 'BUY' ? 1 : -1;
    const risk: RiskAtLevel[] = tails[i].map((tail, l) => {
      const varReturn = mu + sign * sigma * tail.quantileZ;
      const esReturn = mu + sign * sigma * tail.meanTailZ;
      return {
        confidence: levels[l],
        varReturn,
        varMoney: cents(units * trade.openPrice * Math.abs(varReturn)),
        esReturn,
        esMoney: cents(units * trade.openPrice * Math.abs(esReturn)),
      };
    });
    return {
      signal: trade.signal,
      openDate: params.prices[trade.openIndex].date,
      closeDate: params.prices[trade.closeIndex].date,
      openPrice: trade.openPrice,
      closePrice: trade.closePrice,
      pnl: trade.pnl,
      cumulativePnl: trade.cumulativePnl,
      mu,
      sigma,
      risk,
    };
  });

  const totalPnl = trades.length ? trades[trades.length - 1].cumulativePnl : 0;
  const markers = new Map(signals.map((s) => [s.index, s.side]));
  const series: ChartPoint[] = params.prices.map((row, i) => ({
    date: row.date,
    price: prices[i],
    sma: average && !Number.isNaN(average[i]) ? average[i] : null,
    signal: markers.get(i) ?? null,
  }));

  return {
    trades,
    summary: {
      totalTrades: trades.length,
      averagePnl: trades.length ? cents(totalPnl / trades.length) : 0,
      totalPnl,
      averageVar: levels.map((confidence, l) => {
        const n = trades.length || 1;
        return {
          confidence,
          // magnitude: BUY losses are negative returns, SELL losses positive ones
          varReturn: trades.reduce((sum, t) => sum + Math.abs(t.risk[l].varReturn), 0) / n,
          varMoney: cents(trades.reduce((sum, t) => sum + t.risk[l].varMoney, 0) / n),
        };
      }),
    },
    series,
    backtest: backtest(trades, levels),
    metadata: { samples: params.samples, shards: params.shards, seed, seeded, signals: signals.length, durationMs: performance.now() - started },
  };
}
