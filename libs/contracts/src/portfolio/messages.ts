import { Type } from 'class-transformer';
import { IsDefined, IsUUID, ValidateNested } from 'class-validator';
import { Rpc, RpcMessage, UserMessage } from '../rpc';
import { AddHoldingBody, UpdateHoldingBody } from './holding.dto';
import { PORTFOLIO } from './patterns';
import { IngestQuotesBody, TickerParams } from './quote.dto';
import { AlertPage, HoldingsView, HoldingView, QuotesIngested, QuoteView, WatchView } from './views';
import { AddWatchBody, ListAlertsQuery, UpdateWatchBody } from './watchlist.dto';

/*
 * Each nested object is @IsDefined: @ValidateNested alone lets a message
 * without it through, and the service would fail on it with a 500.
 */

export class AddHoldingMessage extends UserMessage {
  @IsDefined()
  @ValidateNested()
  @Type(() => AddHoldingBody)
  body!: AddHoldingBody;
}

export class PortfolioItemMessage extends UserMessage {
  @IsUUID()
  id!: string;
}

export class UpdateHoldingMessage extends PortfolioItemMessage {
  @IsDefined()
  @ValidateNested()
  @Type(() => UpdateHoldingBody)
  patch!: UpdateHoldingBody;
}

export class AddWatchMessage extends UserMessage {
  @IsDefined()
  @ValidateNested()
  @Type(() => AddWatchBody)
  body!: AddWatchBody;
}

export class UpdateWatchMessage extends PortfolioItemMessage {
  @IsDefined()
  @ValidateNested()
  @Type(() => UpdateWatchBody)
  patch!: UpdateWatchBody;
}

export class ListAlertsMessage extends UserMessage {
  @IsDefined()
  @ValidateNested()
  @Type(() => ListAlertsQuery)
  query!: ListAlertsQuery;
}

/** From the gateway after it checked the operator role or the ingest key; quotes belong to no user. */
export class IngestQuotesMessage extends RpcMessage {
  @IsDefined()
  @ValidateNested()
  @Type(() => IngestQuotesBody)
  body!: IngestQuotesBody;
}

export class GetQuoteMessage extends RpcMessage {
  @IsDefined()
  @ValidateNested()
  @Type(() => TickerParams)
  params!: TickerParams;
}

/** From notifications, to push a ticker's price moves to the users holding it. */
export class TickerHoldersMessage extends RpcMessage {
  @IsDefined()
  @ValidateNested()
  @Type(() => TickerParams)
  params!: TickerParams;
}

/** The users holding a ticker (any quantity), in id order. */
export interface TickerHolders {
  ticker: string;
  userIds: string[];
}

export interface PortfolioContract {
  [PORTFOLIO.addHolding]: Rpc<AddHoldingMessage, HoldingView>;
  [PORTFOLIO.listHoldings]: Rpc<UserMessage, HoldingsView>;
  [PORTFOLIO.updateHolding]: Rpc<UpdateHoldingMessage, HoldingView>;
  [PORTFOLIO.deleteHolding]: Rpc<PortfolioItemMessage, { id: string }>;
  [PORTFOLIO.listHolders]: Rpc<TickerHoldersMessage, TickerHolders>;
  [PORTFOLIO.addWatch]: Rpc<AddWatchMessage, WatchView>;
  [PORTFOLIO.listWatches]: Rpc<UserMessage, WatchView[]>;
  [PORTFOLIO.getWatch]: Rpc<PortfolioItemMessage, WatchView>;
  [PORTFOLIO.updateWatch]: Rpc<UpdateWatchMessage, WatchView>;
  [PORTFOLIO.deleteWatch]: Rpc<PortfolioItemMessage, { id: string }>;
  [PORTFOLIO.listAlerts]: Rpc<ListAlertsMessage, AlertPage>;
  [PORTFOLIO.ingestQuotes]: Rpc<IngestQuotesMessage, QuotesIngested>;
  [PORTFOLIO.getQuote]: Rpc<GetQuoteMessage, QuoteView>;
}
