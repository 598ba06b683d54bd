import { MONEY_PATTERN } from '../openapi';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, IsOptional, Matches, ValidateNested } from 'class-validator';
import { IsCurrency } from '../validation';
import { IsScaledDecimal, NormaliseTicker, PRICE_SCALE, TICKER } from './portfolio-validation';

export const MAX_QUOTES_PER_BATCH = 1000;

export class QuoteInput {
  @ApiProperty({ example: 'AAPL' })
  @NormaliseTicker()
  @Matches(TICKER, { message: 'ticker must be a stock symbol such as "AAPL" or "BRK.B"' })
  ticker!: string;

  @ApiProperty({ example: '189.84', pattern: MONEY_PATTERN })
  @IsScaledDecimal(PRICE_SCALE, { positive: true })
  price!: string;

  @ApiProperty({ example: '2025-03-14T20:00:00Z', format: 'date-time', description: 'when the price was quoted, ISO 8601 with a time zone' })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'at must be an ISO 8601 timestamp such as 2025-03-14T20:00:00Z' })
  @Matches(/(Z|[+-]\d{2}:?\d{2})$/, { message: 'at must name its time zone (Z or +hh:mm)' })
  at!: string;

  @ApiPropertyOptional({ example: 'USD', default: 'USD' })
  @IsOptional()
  @IsCurrency()
  currency?: string;
}

/** A batch of quotes; the gateway also takes a single quote and wraps it. */
export class IngestQuotesBody {
  @ApiProperty({ type: [QuoteInput], maxItems: MAX_QUOTES_PER_BATCH })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_QUOTES_PER_BATCH, { message: `quotes must hold at most ${MAX_QUOTES_PER_BATCH} items; split the batch` })
  @ValidateNested({ each: true })
  @Type(() => QuoteInput)
  quotes!: QuoteInput[];
}

export class TickerParams {
  @NormaliseTicker()
  @Matches(TICKER, { message: 'ticker must be a stock symbol such as "AAPL" or "BRK.B"' })
  ticker!: string;
}
