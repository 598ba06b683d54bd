/** Types of the var compute core. Pure data: no NestJS, no I/O. */

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

export interface RiskAtLevel {
  confidence: number;
  /** quantile of the simulated returns (signed) */
  varReturn: number;
  /** units x open price x |varReturn| */
  varMoney: number;
  /** mean of the simulated returns beyond the quantile (signed) */
  esReturn: number;
  esMoney: number;
}

/**
 * Money here is a plain number rounded to cents: these are risk estimates
 * for charts, not ledger money, so @finstack/money is not needed.
 */
export interface Trade {
  signal: Side;
  openDate: string;
  closeDate: string;
  openPrice: number;
  closePrice: number;
  pnl: number;
  cumulativePnl: number;
  mu: number;
  sigma: number;
  risk: RiskAtLevel[];
}

export interface ChartPoint {
  date: string;
  price: number;
  sma: number | null;
  signal: Side | null;
}

export interface AnalysisSummary {
  totalTrades: number;
  averagePnl: number;
  totalPnl: number;
  /** mean |varReturn| and mean varMoney over the trades */
  averageVar: { confidence: number; varReturn: number; varMoney: number }[];
}

export interface AnalysisResult {
  trades: Trade[];
  summary: AnalysisSummary;
  series: ChartPoint[];
  metadata: {
    samples: number;
    shards: number;
    /** seed used; generated when none was given (seeded = false) */
    seed: number;
    seeded: boolean;
    signals: number;
    durationMs: number;
  };
}
