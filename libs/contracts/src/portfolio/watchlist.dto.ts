import { MONEY_PATTERN } from '../openapi';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Equals, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsNotBlank } from '../validation';
import { IsScaledDecimal, NormaliseTicker, PRICE_SCALE, TICKER } from './portfolio-validation';

export const WATCH_DIRECTIONS = ['above', 'below'] as const;
export type WatchDirection = (typeof WATCH_DIRECTIONS)[number];
export const MAX_ALERT_PAGE = 200;

export class AddWatchBody {
  @ApiProperty({ example: 'AAPL' })
  @NormaliseTicker()
  @Matches(TICKER, { message: 'ticker must be a stock symbol such as "AAPL" or "BRK.B"' })
  ticker!: string;

  @ApiProperty({ example: '200.00', pattern: MONEY_PATTERN })
  @IsScaledDecimal(PRICE_SCALE, { positive: true })
  targetPrice!: string;

  @ApiProperty({ enum: WATCH_DIRECTIONS, enumName: 'WatchDirection', description: 'above: alert when a quote reaches the target from below; below: the mirror' })
  @IsIn(WATCH_DIRECTIONS)
  direction!: WatchDirection;

  @ApiPropertyOptional({ example: 'Buy more below this', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @IsNotBlank()
  note?: string;
}

/** Partial update. A new target or direction re-arms the entry; `armed: true` re-arms it as it is. */
export class UpdateWatchBody {
  @ApiPropertyOptional({ example: '210.00' })
  @IsOptional()
  @IsScaledDecimal(PRICE_SCALE, { positive: true })
  targetPrice?: string;

  @ApiPropertyOptional({ enum: WATCH_DIRECTIONS, enumName: 'WatchDirection' })
  @IsOptional()
  @IsIn(WATCH_DIRECTIONS)
  direction?: WatchDirection;

  @ApiPropertyOptional({ type: String, example: 'Earnings on the 30th', nullable: true, maxLength: 500 })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(500)
  @IsNotBlank()
  note?: string | null;

  @ApiPropertyOptional({ example: true, description: 'true re-arms an entry whose alert fired' })
  @IsOptional()
  @Equals(true, { message: 'armed can only be set to true (an entry disarms itself when its alert fires)' })
  armed?: true;
}

export class ListAlertsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'only the alerts of this watchlist entry' })
  @IsOptional()
  @IsUUID()
  watchId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_ALERT_PAGE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ALERT_PAGE)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
