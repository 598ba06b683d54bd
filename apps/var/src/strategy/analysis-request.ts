import { AnalysisBody, DEFAULT_CONFIDENCE, PriceFieldName, StrategyType } from '@finstack/contracts';
import { AnalysisParams, DEFAULT_UNITS, PriceRow, Strategy } from '../analysis';

/** Candle body when none is given: one cent. */
const DEFAULT_BODY = 0.01;

/** A strategy request with its defaults filled in: what the run stores as its parameters. */
export interface AnalysisRequest {
  ticker: string;
  from?: string;
  to?: string;
  strategy: { type: StrategyType; A?: number; V?: number; H?: number; body?: number; P?: number };
  samples: number;
  shards: number;
  units: number;
  confidence: number[];
  seed?: number;
  priceField: PriceFieldName;
}

export function analysisRequest(body: AnalysisBody): AnalysisRequest {
  const s = body.strategy;
  return {
    ticker: body.ticker,
    from: body.from,
    to: body.to,
    strategy: s.type === 'sma-crossover' ? { type: s.type, A: s.A, V: s.V } : { type: s.type, H: s.H, body: s.body ?? DEFAULT_BODY, P: s.P },
    samples: body.samples,
    shards: body.shards ?? 1,
    units: body.units ?? DEFAULT_UNITS,
    confidence: body.confidence ?? DEFAULT_CONFIDENCE,
    seed: body.seed,
    priceField: body.priceField ?? 'adjClose',
  };
}

/** The compute core's parameters for a request on its price history (the DTO guaranteed each strategy's fields). */
export function analysisParams(request: AnalysisRequest, prices: PriceRow[]): AnalysisParams {
  const s = request.strategy;
  const strategy: Strategy =
    s.type === 'sma-crossover'
      ? { kind: 'sma-crossover', period: s.A!, volatilityWindow: s.V! }
      : { kind: 'three-soldiers-crows', history: s.H!, body: s.body, holdDays: s.P! };
  return {
    prices,
    strategy,
    samples: request.samples,
    shards: request.shards,
    units: request.units,
    confidenceLevels: request.confidence,
    seed: request.seed,
    priceField: request.priceField,
  };
}
