import { WatchDirection } from './watchlist.dto';

/**
 * Money per share and values are decimal strings in the currency of the
 * ticker's latest quote, exact: quantities and prices have 6 decimals at
 * most, so a value has 12 at most (trailing zeros dropped, 2 kept).
 */
export interface HoldingView {
  id: string;
  ticker: string;
  quantity: string;
  averageCost: string | null;
  /** Of the latest quote; null while the ticker has none. */
  currency: string | null;
  price: string | null;
  priceAt: string | null;
  /** quantity × price. */
  marketValue: string | null;
  /** quantity × (price − previous close). */
  dayChange: string | null;
  dayChangePct: number | null;
  /** quantity × averageCost. */
  costBasis: string | null;
  /** marketValue − costBasis. */
  unrealisedPnl: string | null;
  unrealisedPnlPct: number | null;
  createdAt: string;
  updatedAt: string;
}

/** Sums over the holdings priced in one currency (holdings without a quote are left out). */
export interface PortfolioTotals {
  currency: string;
  marketValue: string;
  dayChange: string;
  /** Over the holdings with an average cost. */
  costBasis: string;
  unrealisedPnl: string;
}

export interface HoldingsView {
  holdings: HoldingView[];
  totals: PortfolioTotals[];
}

export interface WatchView {
  id: string;
  ticker: string;
  targetPrice: string;
  direction: WatchDirection;
  note: string | null;
  /** false after its alert fired, until re-armed. */
  armed: boolean;
  lastTriggeredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AlertView {
  id: string;
  watchId: string;
  ticker: string;
  direction: WatchDirection;
  targetPrice: string;
  /** The quote that crossed the target. */
  price: string;
  quoteAt: string;
  triggeredAt: string;
}

export interface AlertPage {
  items: AlertView[];
  nextCursor: string | null;
}

export interface QuoteView {
  ticker: string;
  price: string;
  currency: string;
  at: string;
  /** The last price of the latest earlier UTC day with a quote; null before there is one. */
  previousClose: string | null;
  change: string | null;
  changePct: number | null;
}

export interface QuotesIngested {
  /** Stored as the ticker's latest price. */
  accepted: number;
  /** Not newer than the stored quote of their ticker: never overwrite it. */
  ignored: number;
  alertsTriggered: number;
}
