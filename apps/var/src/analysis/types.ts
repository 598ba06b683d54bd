/** Types of the var compute core. Pure data: no NestJS, no I/O. */
import type { ChartPointView, RiskAtLevelView, StrategyAnalysisResult, StrategySummaryView, TradeView } from '@finstack/contracts';

export type PriceField = 'adjClose' | 'close';
export type Side = 'BUY' | 'SELL';

export interface PriceRow {
  /** ISO yyyy-mm-dd */
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  adjClose: number;
}

export interface SmaCrossoverStrategy {
  kind: 'sma-crossover';
  /** moving-average period A (>= 3) */
  period: number;
  /** volatility window V (>= 3): rows used for mu and sigma */
  volatilityWindow: number;
}

export interface CandlesStrategy {
  kind: 'three-soldiers-crows';
  /** H (>= 3): closes before the signal used for mu and sigma */
  history: number;
  /** minimum candle body (close - open), in price units; default 0.01 */
  body?: number;
  /** P (>= 1): days the position is held */
  holdDays: number;
}

export type Strategy = SmaCrossoverStrategy | CandlesStrategy;

export interface AnalysisParams {
  prices: PriceRow[];
  strategy: Strategy;
  /** S: simulated returns per signal, 100..10,000,000 */
  samples: number;
  /** R: shards (worker threads), 1..16 */
  shards: number;
  units?: number;
  confidenceLevels?: number[];
  seed?: number;
  priceField?: PriceField;
}

export interface Signal {
  /** row index in the price series */
  index: number;
  side: Side;
  /** mean of the simple returns in the volatility window */
  mu: number;
  /** sample standard deviation of those returns */
  sigma: number;
}

/*
 * The result's shape is the API's (libs/contracts/src/var/views.ts): one
 * definition, so the core cannot drift from what the service answers. Money
 * there is a plain number rounded to cents: these are risk estimates for
 * charts, not ledger money.
 */
export type RiskAtLevel = RiskAtLevelView;
export type Trade = TradeView;
export type ChartPoint = ChartPointView;
export type AnalysisSummary = StrategySummaryView;
export type AnalysisResult = StrategyAnalysisResult;
