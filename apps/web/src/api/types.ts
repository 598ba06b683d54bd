/**
 * The API's shapes the console reads. Kept in one file so that moving to the
 * generated `@finstack/client` types is a change of imports here.
 */
export type CategorySource = 'manual' | 'rule' | 'learned' | 'model' | 'none';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface TokenAnswer {
  accessToken: string;
  expiresIn: number;
}

export interface Account {
  id: string;
  email: string;
  displayName: string | null;
  createdAt: string;
}

export interface Transaction {
  id: string;
  occurredOn: string;
  amount: string;
  currency: string;
  description: string;
  merchant: string | null;
  categoryId: string | null;
  categorySource: CategorySource;
  categoryConfidence: number | null;
  categoryReason: string | null;
  importId: string | null;
}

export interface Category {
  id: string;
  name: string;
  kind: 'expense' | 'income' | 'transfer';
  color: string | null;
}

export interface Suggestion {
  categoryId: string;
  source: CategorySource;
  confidence: number;
  reason: string;
}

export interface SummaryRow {
  key: string;
  label: string;
  spent: string;
  received: string;
  net: string;
  count: number;
}

export interface Summary {
  from: string;
  to: string;
  currency: string;
  groupBy: 'month' | 'category' | 'merchant';
  rows: SummaryRow[];
  totals: { spent: string; received: string; net: string; count: number };
  savingsRate: number | null;
}

export interface CashflowPoint {
  start: string;
  end: string;
  spent: string;
  received: string;
  net: string;
  count: number;
}

export interface Cashflow {
  interval: 'day' | 'week' | 'month';
  points: CashflowPoint[];
}

export interface ImportResult {
  importId: string;
  status: string;
  inserted: number;
  duplicates: number;
  failed: { line: number; reason: string }[];
  failedCount: number;
}

export interface Holding {
  id: string;
  ticker: string;
  quantity: string;
  averageCost: string | null;
  currency: string;
  price: string | null;
  priceAt: string | null;
  marketValue: string | null;
  dayChange: string | null;
  dayChangePct: number | null;
  costBasis: string | null;
  unrealisedPnl: string | null;
  unrealisedPnlPct: number | null;
}

export interface HoldingTotals {
  currency: string;
  marketValue: string;
  dayChange: string;
  costBasis: string;
  unrealisedPnl: string;
}

export interface Holdings {
  holdings: Holding[];
  totals: HoldingTotals[];
}

export interface Watch {
  id: string;
  ticker: string;
  targetPrice: string;
  direction: 'above' | 'below';
  note: string | null;
  armed: boolean;
  lastTriggeredAt: string | null;
}

export interface Alert {
  id: string;
  watchId: string;
  ticker: string;
  direction: 'above' | 'below';
  targetPrice: string;
  price: string;
  triggeredAt?: string;
  at?: string;
}

export interface Rule {
  id: string;
  name: string;
  priority: number;
  match: 'all' | 'any';
  conditions: { field: string; operator: string; value?: string }[];
  categoryId: string;
  enabled: boolean;
}

export interface RiskAtLevel {
  confidence: number;
  varReturn: number;
  varMoney: number;
  esReturn: number;
  esMoney: number;
}

export interface Trade {
  signal: 'BUY' | 'SELL';
  openDate: string;
  closeDate: string;
  openPrice: number;
  closePrice: number;
  pnl: number;
  cumulativePnl: number;
  risk: RiskAtLevel[];
}

export interface ChartPoint {
  date: string;
  price: number;
  sma: number | null;
  signal: 'BUY' | 'SELL' | null;
}

export interface StrategyResult {
  trades: Trade[];
  summary: {
    totalTrades: number;
    averagePnl: number;
    totalPnl: number;
    averageVar: { confidence: number; varReturn: number; varMoney: number }[];
  };
  series: ChartPoint[];
  metadata: { samples: number; shards: number; seed: number; durationMs: number };
}

export interface PortfolioResult {
  method: string;
  horizonDays: number;
  value: number;
  levels: { confidence: number; var: number; es: number; varPct: number; esPct: number }[];
  contributions: { ticker: string; value: number; weight: number; levels: { confidence: number; var: number; es: number }[] }[];
}

export interface Run {
  id: string;
  kind: 'strategy' | 'portfolio';
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  ticker: string | null;
  progress: number;
  createdAt: string;
  durationMs: number | null;
  error: { code: string; message: string } | null;
  result?: StrategyResult | PortfolioResult;
}

/** A push from notifications (DomainEvent). */
export interface LiveEvent<P = Record<string, unknown>> {
  id: string;
  type: string;
  occurredAt: string;
  payload: P;
}

/** Lists are moving to `{items, nextCursor}`; until then some answer a bare array. */
export function itemsOf<T>(list: T[] | Page<T> | undefined): T[] {
  if (!list) return [];
  return Array.isArray(list) ? list : list.items;
}
