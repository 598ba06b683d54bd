import {
  ApiBoolean,
  ApiCurrency,
  ApiEnum,
  ApiId,
  ApiInteger,
  ApiList,
  ApiMoney,
  ApiNextCursor,
  ApiNullableCurrency,
  ApiNullableDay,
  ApiNullableMoney,
  ApiNullableNumber,
  ApiNullableText,
  ApiNullableTimestamp,
  ApiText,
  ApiTimestamp,
} from '../openapi';
import { WATCH_DIRECTIONS, WatchDirection } from './watchlist.dto';

/**
 * Money per share and values are decimal strings in the currency of the
 * ticker's latest quote, exact: quantities and prices have 6 decimals at
 * most, so a value has 12 at most (trailing zeros dropped, 2 kept).
 */
export const PRICE_SOURCES = ['live', 'history'] as const;
export type PriceSource = (typeof PRICE_SOURCES)[number];

export class HoldingView {
  @ApiId()
  id!: string;
  @ApiText({ example: 'AAPL' })
  ticker!: string;
  @ApiMoney({ example: '10', description: 'shares, up to 6 decimals' })
  quantity!: string;
  @ApiNullableMoney({ description: 'per share, in the quote currency' })
  averageCost!: string | null;
  @ApiNullableCurrency({ description: 'of the latest quote; null while the ticker has none' })
  currency!: string | null;
  @ApiNullableMoney()
  price!: string | null;
  @ApiNullableTimestamp({ description: 'when the live quote was made; null for a price from the history' })
  priceAt!: string | null;
  @ApiEnum(PRICE_SOURCES, 'PriceSource', {
    nullable: true,
    description: 'live: the latest quote; history: the last close of the stored price history (no live quote yet); null: unpriced',
  })
  priceSource!: PriceSource | null;
  @ApiNullableDay({ description: 'the day of the close when priceSource is history' })
  closeDate!: string | null;
  @ApiNullableMoney({ description: 'quantity × price' })
  marketValue!: string | null;
  @ApiNullableMoney({ description: 'quantity × (price − previous close)' })
  dayChange!: string | null;
  @ApiNullableNumber()
  dayChangePct!: number | null;
  @ApiNullableMoney({ description: 'quantity × averageCost' })
  costBasis!: string | null;
  @ApiNullableMoney({ description: 'marketValue − costBasis' })
  unrealisedPnl!: string | null;
  @ApiNullableNumber()
  unrealisedPnlPct!: number | null;
  @ApiTimestamp()
  createdAt!: string;
  @ApiTimestamp()
  updatedAt!: string;
}

/** Sums over the holdings priced in one currency (holdings without a quote are left out). */
export class PortfolioTotals {
  @ApiCurrency()
  currency!: string;
  @ApiMoney()
  marketValue!: string;
  @ApiMoney()
  dayChange!: string;
  @ApiMoney({ description: 'over the holdings with an average cost' })
  costBasis!: string;
  @ApiMoney()
  unrealisedPnl!: string;
}

/** The wallet: every holding (at most 1,000 a user, so one page) and its totals per currency. */
export class HoldingsView {
  @ApiList(HoldingView)
  items!: HoldingView[];
  @ApiNextCursor()
  nextCursor!: string | null;
  @ApiList(PortfolioTotals)
  totals!: PortfolioTotals[];
}

export class WatchView {
  @ApiId()
  id!: string;
  @ApiText({ example: 'AAPL' })
  ticker!: string;
  @ApiMoney({ example: '180.00' })
  targetPrice!: string;
  @ApiEnum(WATCH_DIRECTIONS, 'WatchDirection')
  direction!: WatchDirection;
  @ApiNullableText()
  note!: string | null;
  @ApiBoolean({ description: 'false after its alert fired, until re-armed' })
  armed!: boolean;
  @ApiNullableTimestamp()
  lastTriggeredAt!: string | null;
  @ApiTimestamp()
  createdAt!: string;
  @ApiTimestamp()
  updatedAt!: string;
}

/** The watchlist, at most 1,000 entries a user, so one page. */
export class WatchPage {
  @ApiList(WatchView)
  items!: WatchView[];
  @ApiNextCursor()
  nextCursor!: string | null;
}

export class AlertView {
  @ApiId()
  id!: string;
  @ApiId()
  watchId!: string;
  @ApiText()
  ticker!: string;
  @ApiEnum(WATCH_DIRECTIONS, 'WatchDirection')
  direction!: WatchDirection;
  @ApiMoney()
  targetPrice!: string;
  @ApiMoney({ description: 'the quote that crossed the target' })
  price!: string;
  @ApiTimestamp()
  quoteAt!: string;
  @ApiTimestamp()
  triggeredAt!: string;
}

export class AlertPage {
  @ApiList(AlertView)
  items!: AlertView[];
  @ApiNextCursor()
  nextCursor!: string | null;
}

export class QuoteView {
  @ApiText({ example: 'AAPL' })
  ticker!: string;
  @ApiMoney({ example: '189.84' })
  price!: string;
  @ApiCurrency({ example: 'USD' })
  currency!: string;
  @ApiTimestamp()
  at!: string;
  @ApiNullableMoney({ description: 'the last price of the latest earlier UTC day with a quote; null before there is one' })
  previousClose!: string | null;
  @ApiNullableMoney()
  change!: string | null;
  @ApiNullableNumber()
  changePct!: number | null;
}

export class QuotesIngested {
  @ApiInteger({ description: "stored as the ticker's latest price" })
  accepted!: number;
  @ApiInteger({ description: 'not newer than the stored quote of their ticker: never overwrite it' })
  ignored!: number;
  @ApiInteger()
  alertsTriggered!: number;
}
