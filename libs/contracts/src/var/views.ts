import { ErrorBody } from '../errors';
import { PortfolioVarMethod } from './portfolio-var.dto';

/*
 * Risk figures are plain numbers: money rounded to cents, returns as
 * fractions. They are estimates for reading and charts, not ledger money.
 */

export interface PriceRowView {
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  adjClose: number;
}

export interface StoredPricesView {
  ticker: string;
  rows: number;
  from: string;
  to: string;
}

export interface TickersView {
  tickers: string[];
}

export interface PriceHistoryView {
  ticker: string;
  /** First and last day returned; null when the range holds no trading day. */
  from: string | null;
  to: string | null;
  rows: number;
  prices: PriceRowView[];
}

export interface RiskAtLevelView {
  confidence: number;
  /** Quantile of the simulated returns (signed). */
  varReturn: number;
  /** units × open price × |varReturn|. */
  varMoney: number;
  /** Mean of the simulated returns beyond the quantile (signed). */
  esReturn: number;
  esMoney: number;
}

export interface TradeView {
  signal: 'BUY' | 'SELL';
  openDate: string;
  closeDate: string;
  openPrice: number;
  closePrice: number;
  pnl: number;
  cumulativePnl: number;
  mu: number;
  sigma: number;
  risk: RiskAtLevelView[];
}

export interface ChartPointView {
  date: string;
  price: number;
  sma: number | null;
  signal: 'BUY' | 'SELL' | null;
}

export interface StrategySummaryView {
  totalTrades: number;
  averagePnl: number;
  totalPnl: number;
  averageVar: { confidence: number; varReturn: number; varMoney: number }[];
}

export interface StrategyAnalysisResult {
  trades: TradeView[];
  summary: StrategySummaryView;
  series: ChartPointView[];
  metadata: { samples: number; shards: number; seed: number; seeded: boolean; signals: number; durationMs: number };
}

export interface PortfolioRiskLevelView {
  confidence: number;
  var: number;
  es: number;
  varPct: number;
  esPct: number;
}

export interface PortfolioContributionView {
  ticker: string;
  quantity: number;
  price: number;
  value: number;
  weight: number;
  levels: { confidence: number; var: number; es: number }[];
}

export interface PortfolioVarResult {
  method: PortfolioVarMethod;
  horizonDays: number;
  lookbackDays: number;
  /** The last trading day every holding has a price for: the values are at its close. */
  asOf: string;
  value: number;
  observations: number;
  levels: PortfolioRiskLevelView[];
  contributions: PortfolioContributionView[];
  metadata: { samples: number | null; scenarios: number | null; seed: number | null; seeded: boolean; durationMs: number };
}

export const RUN_KINDS = ['strategy', 'portfolio'] as const;
export type RunKind = (typeof RUN_KINDS)[number];
export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** A stored analysis run: who asked what, how it went, and (when it is done) the result. */
export interface RunView {
  id: string;
  kind: RunKind;
  status: RunStatus;
  /** The analysed ticker (strategy runs); null for a portfolio. */
  ticker: string | null;
  /** The request as the service understood it, defaults filled in. */
  params: Record<string, unknown>;
  /** 0 to 1. */
  progress: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  error: Pick<ErrorBody, 'code' | 'message'> | null;
  /** Present on a single run once it succeeded (not in lists). */
  result?: StrategyAnalysisResult | PortfolioVarResult;
}

export interface RunPage {
  items: RunView[];
  nextCursor: string | null;
}
