/** Types of the portfolio VaR core. Pure data: no NestJS, no I/O. */
import { PriceField, PriceRow } from '../analysis/types';
import { PnlHistogram } from './histogram';

export type PortfolioRiskMethod = 'monte-carlo' | 'historical' | 'parametric';

export interface PositionInput {
  ticker: string;
  /** units held; long only (> 0) */
  quantity: number;
  /** oldest first, one row per date */
  prices: PriceRow[];
}

export interface PortfolioRiskParams {
  positions: PositionInput[];
  method: PortfolioRiskMethod;
  /** h: holding period in trading days, 1..250 */
  horizonDays: number;
  /** 1..5 values, each strictly between 0 and 1 */
  confidenceLevels: number[];
  /** n: daily returns used, 20..5000 */
  lookbackDays: number;
  /** S: Monte-Carlo draws, 100..2,000,000 (ignored by the other methods) */
  samples: number;
  /** 0..4294967295; generated when absent (metadata.seeded = false) */
  seed?: number;
  /** default 'adjClose' */
  priceField?: PriceField;
}

/**
 * Money is a plain number rounded to cents; VaR and ES are losses (positive =
 * money lost), negative only when even the quantile is a gain (low confidence, strong drift).
 */
export interface PortfolioRiskLevel {
  confidence: number;
  var: number;
  es: number;
  /** var / value */
  varPct: number;
  esPct: number;
}

export interface PositionContribution {
  ticker: string;
  quantity: number;
  /** last aligned price */
  price: number;
  /** quantity × price */
  value: number;
  /** value / portfolio value */
  weight: number;
  /** Euler contributions: over the positions they sum to the portfolio figures (to rounding) */
  levels: { confidence: number; var: number; es: number }[];
}

export interface PortfolioRiskResult {
  method: PortfolioRiskMethod;
  horizonDays: number;
  lookbackDays: number;
  /** last date common to every position */
  asOf: string;
  value: number;
  /** daily returns used (= lookbackDays) */
  observations: number;
  levels: PortfolioRiskLevel[];
  contributions: PositionContribution[];
  /** monte-carlo and historical: the scenarios' P&L, binned; null for parametric */
  histogram: PnlHistogram | null;
  metadata: {
    /** S for monte-carlo, else null */
    samples: number | null;
    /** h-day windows for historical, else null */
    scenarios: number | null;
    /** monte-carlo only: seed used, generated when none was given (seeded = false) */
    seed: number | null;
    seeded: boolean;
    durationMs: number;
  };
}

/** Unrounded figures of one method, per confidence level; contributions per position. */
export interface RiskFigures {
  var: number[];
  es: number[];
  varContributions: Float64Array[];
  esContributions: Float64Array[];
  /** simulated methods: the scenarios' P&L distribution */
  histogram?: PnlHistogram;
}
