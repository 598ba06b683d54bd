import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { Rpc, RpcMessage, UserMessage } from '../rpc';
import { AddHoldingBody, UpdateHoldingBody } from './holding.dto';
import { PORTFOLIO } from './patterns';
import { IngestQuotesBody, TickerParams } from './quote.dto';
import { AlertPage, HoldingsView, HoldingView, QuotesIngested, QuoteView, WatchView } from './views';
import { AddWatchBody, ListAlertsQuery, UpdateWatchBody } from './watchlist.dto';

export class AddHoldingMessage extends UserMessage {
  @ValidateNested()
  @Type(() => AddHoldingBody)
  body!: AddHoldingBody;
}

export class PortfolioItemMessage extends UserMessage {
  @IsUUID()
  id!: string;
}

export class UpdateHoldingMessage extends PortfolioItemMessage {
  @ValidateNested()
  @Type(() => UpdateHoldingBody)
  patch!: UpdateHoldingBody;
}

export class AddWatchMessage extends UserMessage {
  @ValidateNested()
  @Type(() => AddWatchBody)
  body!: AddWatchBody;
}

export class UpdateWatchMessage extends PortfolioItemMessage {
  @ValidateNested()
  @Type(() => UpdateWatchBody)
  patch!: UpdateWatchBody;
}

export class ListAlertsMessage extends UserMessage {
  @ValidateNested()
  @Type(() => ListAlertsQuery)
  query!: ListAlertsQuery;
}

/** From the gateway after it checked the operator role or the ingest key; quotes belong to no user. */
export class IngestQuotesMessage extends RpcMessage {
  @ValidateNested()
  @Type(() => IngestQuotesBody)
  body!: IngestQuotesBody;
}

export class GetQuoteMessage extends RpcMessage {
  @ValidateNested()
  @Type(() => TickerParams)
  params!: TickerParams;
}

export interface PortfolioContract {
  [PORTFOLIO.addHolding]: Rpc<AddHoldingMessage, HoldingView>;
  [PORTFOLIO.listHoldings]: Rpc<UserMessage, HoldingsView>;
  [PORTFOLIO.updateHolding]: Rpc<UpdateHoldingMessage, HoldingView>;
  [PORTFOLIO.deleteHolding]: Rpc<PortfolioItemMessage, { id: string }>;
  [PORTFOLIO.addWatch]: Rpc<AddWatchMessage, WatchView>;
  [PORTFOLIO.listWatches]: Rpc<UserMessage, WatchView[]>;
  [PORTFOLIO.getWatch]: Rpc<PortfolioItemMessage, WatchView>;
  [PORTFOLIO.updateWatch]: Rpc<UpdateWatchMessage, WatchView>;
  [PORTFOLIO.deleteWatch]: Rpc<PortfolioItemMessage, { id: string }>;
  [PORTFOLIO.listAlerts]: Rpc<ListAlertsMessage, AlertPage>;
  [PORTFOLIO.ingestQuotes]: Rpc<IngestQuotesMessage, QuotesIngested>;
  [PORTFOLIO.getQuote]: Rpc<GetQuoteMessage, QuoteView>;
}
