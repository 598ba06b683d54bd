import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsInt, Matches, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { TickerParams } from '../portfolio/quote.dto';
import { TICKER } from '../portfolio/portfolio-validation';
import { Rpc, RpcMessage, UserMessage } from '../rpc';
import { AnalysisBody } from './analysis.dto';
import { VAR_LIMITS } from './limits';
import { PriceRangeQuery } from './market.dto';
import { VAR } from './patterns';
import { PortfolioVarBody } from './portfolio-var.dto';
import { LastClosesView, PriceHistoryView, RunPage, RunView, StoredPricesView, TickersView } from './views';

/* Nested parts are @IsDefined: @ValidateNested alone lets a message without them through. */

/** From the gateway once it checked the operator role. */
export class PutPricesMessage extends RpcMessage {
  @IsDefined()
  @ValidateNested()
  @Type(() => TickerParams)
  params!: TickerParams;

  @IsString()
  @MaxLength(VAR_LIMITS.priceCsvBytesMax)
  csv!: string;
}

/** From the portfolio service, valuing holdings that have no live quote. */
export class LastClosesMessage extends RpcMessage {
  @IsArray()
  @ArrayMaxSize(VAR_LIMITS.lastClosesTickersMax)
  @Matches(TICKER, { each: true, message: 'each ticker must be a stock symbol such as "AAPL" or "BRK.B"' })
  tickers!: string[];
}

export class GetPricesMessage extends RpcMessage {
  @IsDefined()
  @ValidateNested()
  @Type(() => TickerParams)
  params!: TickerParams;

  @IsDefined()
  @ValidateNested()
  @Type(() => PriceRangeQuery)
  query!: PriceRangeQuery;
}

export class RunAnalysisMessage extends UserMessage {
  @IsDefined()
  @ValidateNested()
  @Type(() => AnalysisBody)
  body!: AnalysisBody;
}

export class RunPortfolioMessage extends UserMessage {
  @IsDefined()
  @ValidateNested()
  @Type(() => PortfolioVarBody)
  body!: PortfolioVarBody;
}

export class RunIdMessage extends UserMessage {
  @IsUUID()
  id!: string;
}

export class RunsQuery {
  @ApiPropertyOptional({ default: 20, maximum: VAR_LIMITS.runsPageMax })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(VAR_LIMITS.runsPageMax)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsUUID()
  cursor?: string;
}

export class ListRunsMessage extends UserMessage {
  @IsDefined()
  @ValidateNested()
  @Type(() => RunsQuery)
  query!: RunsQuery;
}

/** What a run request answers: the run, and whether it was accepted as a job (HTTP 202) or done at once (201). */
export interface RunReply {
  accepted: boolean;
  run: RunView;
}

export interface VarContract {
  [VAR.putPrices]: Rpc<PutPricesMessage, StoredPricesView>;
  [VAR.listTickers]: Rpc<RpcMessage, TickersView>;
  [VAR.getPrices]: Rpc<GetPricesMessage, PriceHistoryView>;
  [VAR.lastCloses]: Rpc<LastClosesMessage, LastClosesView>;
  [VAR.runAnalysis]: Rpc<RunAnalysisMessage, RunReply>;
  [VAR.runPortfolio]: Rpc<RunPortfolioMessage, RunReply>;
  [VAR.getRun]: Rpc<RunIdMessage, RunView>;
  [VAR.listRuns]: Rpc<ListRunsMessage, RunPage>;
}
