import { HoldingsView, HoldingView, PortfolioTotals, utcTimestamp } from '@finstack/contracts';
import { ratio } from '@finstack/money';
import { priceText, quantityText, valueText } from '../common/scaled-text';
import { DEFAULT_QUOTE_CURRENCY } from '../quotes/incoming-quotes';
import { HistoryClose } from './history-closes';
import { Holding, QuotedHolding } from './holding-rows';

/** The price a holding is valued at: its live quote, else the last close of its stored history. */
export interface HoldingPrice {
  source: 'live' | 'history';
  priceMicro: bigint;
  previousCloseMicro: bigint | null;
  currency: string;
  /** live: when it was quoted */
  quotedAt: Date | null;
  /** history: the day of the close, 'YYYY-MM-DD' */
  closeDate: string | null;
}

export interface PricedHolding {
  holding: Holding;
  price: HoldingPrice | null;
}

/**
 * A live quote wins; without one, the last stored close, in the provider's
 * currency (the histories carry none), with no day change (one close has no previous one).
 */
export function priceHolding({ holding, quote }: QuotedHolding, closes: ReadonlyMap<string, HistoryClose>): PricedHolding {
  if (quote) {
    const { priceMicro, previousCloseMicro, currency, quotedAt } = quote;
    return { holding, price: { source: 'live', priceMicro, previousCloseMicro, currency, quotedAt, closeDate: null } };
  }
  const close = closes.get(holding.ticker);
  if (!close) return { holding, price: null };
  return {
    holding,
    price: {
      source: 'history',
      priceMicro: close.closeMicro,
      previousCloseMicro: null,
      currency: DEFAULT_QUOTE_CURRENCY,
      quotedAt: null,
      closeDate: close.date,
    },
  };
}

/**
 * Values at VALUE_SCALE (10^-12), exact: quantity × price of two micro-unit
 * numbers, as bigints. Printed only at the end, so sums never round.
 */
interface Values {
  marketValue: bigint;
  dayChange: bigint | null;
  costBasis: bigint | null;
}

function values({ holding, price: quote }: PricedHolding): Values | null {
  if (!quote) return null;
  const quantity = holding.quantityMicro;
  return {
    marketValue: quantity * quote.priceMicro,
    dayChange: quote.previousCloseMicro === null ? null : quantity * (quote.priceMicro - quote.previousCloseMicro),
    costBasis: holding.averageCostMicro === null ? null : quantity * holding.averageCostMicro,
  };
}

/**
 * A holding as the user sees it, valued at its ticker's latest quote or last stored close.
 * Percentages are per share (the price's move since the previous close, its
 * distance from the average cost), so they mean the same for a holding of no
 * shares; for any other they equal the value-based ratios.
 */
export function toHoldingView(quoted: PricedHolding): HoldingView {
  const { holding, price: quote } = quoted;
  const value = values(quoted);
  const previousClose = quote?.previousCloseMicro ?? null;
  const averageCost = holding.averageCostMicro;
  const pnl = value && value.costBasis !== null ? value.marketValue - value.costBasis : null;
  return {
    id: holding.id,
    ticker: holding.ticker,
    quantity: quantityText(holding.quantityMicro),
    averageCost: averageCost === null ? null : priceText(averageCost),
    currency: quote?.currency ?? null,
    price: quote ? priceText(quote.priceMicro) : null,
    priceAt: quote?.quotedAt ? utcTimestamp(quote.quotedAt) : null,
    priceSource: quote?.source ?? null,
    closeDate: quote?.closeDate ?? null,
    marketValue: value ? valueText(value.marketValue) : null,
    dayChange: value && value.dayChange !== null ? valueText(value.dayChange) : null,
    dayChangePct: quote && previousClose !== null ? ratio(quote.priceMicro - previousClose, previousClose) : null,
    costBasis: value && value.costBasis !== null ? valueText(value.costBasis) : null,
    unrealisedPnl: pnl === null ? null : valueText(pnl),
    unrealisedPnlPct: quote && averageCost !== null ? ratio(quote.priceMicro - averageCost, averageCost) : null,
    createdAt: utcTimestamp(holding.createdAt),
    updatedAt: utcTimestamp(holding.updatedAt),
  };
}

/** Sums per currency of the quoted holdings; cost basis and P&L over those with an average cost. */
export function portfolioTotals(holdings: readonly PricedHolding[]): PortfolioTotals[] {
  const sums = new Map<string, { marketValue: bigint; dayChange: bigint; costBasis: bigint; unrealisedPnl: bigint }>();
  for (const quoted of holdings) {
    const value = values(quoted);
    if (!value || !quoted.price) continue;
    const sum = sums.get(quoted.price.currency) ?? { marketValue: 0n, dayChange: 0n, costBasis: 0n, unrealisedPnl: 0n };
    sum.marketValue += value.marketValue;
    sum.dayChange += value.dayChange ?? 0n;
    if (value.costBasis !== null) {
      sum.costBasis += value.costBasis;
      sum.unrealisedPnl += value.marketValue - value.costBasis;
    }
    sums.set(quoted.price.currency, sum);
  }
  return [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, sum]) => ({
      currency,
      marketValue: valueText(sum.marketValue),
      dayChange: valueText(sum.dayChange),
      costBasis: valueText(sum.costBasis),
      unrealisedPnl: valueText(sum.unrealisedPnl),
    }));
}

export function toHoldingsView(holdings: readonly PricedHolding[]): HoldingsView {
  return { items: holdings.map(toHoldingView), nextCursor: null, totals: portfolioTotals(holdings) };
}
