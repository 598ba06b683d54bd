import { ApiProperty } from '@nestjs/swagger';
import { ApiEnum, ApiList, ApiNextCursor, ApiNullableText, ApiNullableTimestamp, ApiText, ApiTimestamp } from '../openapi';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Rpc, RpcMessage, UserMessage } from '../rpc';
import { TickerParams } from './quote.dto';

/** Message patterns of market-data connections and provider history, served by the portfolio service. */
export const MARKET_DATA = {
  putConnection: 'portfolio.connection.put',
  listConnections: 'portfolio.connection.list',
  deleteConnection: 'portfolio.connection.delete',
  fetchHistory: 'portfolio.market.history',
} as const;

/** Providers a user can connect. */
export const MARKET_DATA_PROVIDERS = ['finnhub'] as const;
export type MarketDataProviderId = (typeof MARKET_DATA_PROVIDERS)[number];

export const API_KEY_MIN_CHARS = 8;
export const API_KEY_MAX_CHARS = 256;
/** Printable ASCII without spaces: what providers issue, and what fits an HTTP header. */
const API_KEY = /^[\x21-\x7e]*$/;

export class ProviderParams {
  @ApiProperty({ enum: MARKET_DATA_PROVIDERS, enumName: 'MarketDataProvider' })
  @IsIn(MARKET_DATA_PROVIDERS, { message: `provider must be one of: ${MARKET_DATA_PROVIDERS.join(', ')}` })
  provider!: MarketDataProviderId;
}

export class PutConnectionBody {
  @ApiProperty({ example: 'c0ffee00demo0key0x9Qa', description: `the provider's API key, ${API_KEY_MIN_CHARS}-${API_KEY_MAX_CHARS} printable characters; stored sealed, never shown again` })
  @IsString()
  @MinLength(API_KEY_MIN_CHARS, { message: `apiKey must be at least ${API_KEY_MIN_CHARS} characters` })
  @MaxLength(API_KEY_MAX_CHARS, { message: `apiKey must be at most ${API_KEY_MAX_CHARS} characters` })
  @Matches(API_KEY, { message: 'apiKey must be printable characters without spaces' })
  apiKey!: string;
}

/** A connection as its owner sees it: never the key, only its last 4 characters. */
export class ConnectionView {
  @ApiEnum(MARKET_DATA_PROVIDERS, 'MarketDataProvider')
  provider!: MarketDataProviderId;
  @ApiText({ example: 'x9Qa', description: 'the last 4 characters of the key' })
  keyLast4!: string;
  @ApiTimestamp()
  createdAt!: string;
  @ApiNullableTimestamp({ description: 'when polling last fetched a quote with it' })
  lastUsedAt!: string | null;
  @ApiNullableText({ description: "the provider's last refusal or failure with this key" })
  lastError!: string | null;
  @ApiNullableTimestamp()
  lastErrorAt!: string | null;
}

/** One connection per provider, so one page. */
export class ConnectionList {
  @ApiList(ConnectionView)
  items!: ConnectionView[];
  @ApiNextCursor()
  nextCursor!: string | null;
}

export class PutConnectionMessage extends UserMessage {
  @IsDefined()
  @ValidateNested()
  @Type(() => ProviderParams)
  params!: ProviderParams;

  @IsDefined()
  @ValidateNested()
  @Type(() => PutConnectionBody)
  body!: PutConnectionBody;
}

export class ConnectionMessage extends UserMessage {
  @IsDefined()
  @ValidateNested()
  @Type(() => ProviderParams)
  params!: ProviderParams;
}

/** From the gateway for an operator: a ticker's daily history from the provider, as a price CSV. */
export class FetchHistoryMessage extends RpcMessage {
  @IsDefined()
  @ValidateNested()
  @Type(() => TickerParams)
  params!: TickerParams;
}

export interface ProviderHistory {
  ticker: string;
  provider: MarketDataProviderId;
  days: number;
  /** Date,Open,High,Low,Close,Adj Close,Volume; oldest first: the upload format of the price histories. */
  csv: string;
}

export interface MarketDataContract {
  [MARKET_DATA.putConnection]: Rpc<PutConnectionMessage, ConnectionView>;
  [MARKET_DATA.listConnections]: Rpc<UserMessage, ConnectionList>;
  [MARKET_DATA.deleteConnection]: Rpc<ConnectionMessage, { provider: MarketDataProviderId }>;
  [MARKET_DATA.fetchHistory]: Rpc<FetchHistoryMessage, ProviderHistory>;
}
