import { MONEY_PATTERN } from '../openapi';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, Matches, ValidateIf } from 'class-validator';
import { IsScaledDecimal, NormaliseTicker, PRICE_SCALE, QUANTITY_SCALE, TICKER } from './portfolio-validation';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class AddHoldingBody {
  @ApiProperty({ example: 'AAPL', description: 'upper-cased; must have quotes unless allowUnknown' })
  @NormaliseTicker()
  @Matches(TICKER, { message: 'ticker must be a stock symbol such as "AAPL" or "BRK.B"' })
  ticker!: string;

  @ApiPropertyOptional({ example: '10', pattern: MONEY_PATTERN, default: '0', description: `shares, up to ${QUANTITY_SCALE} decimals` })
  @IsOptional()
  @IsScaledDecimal(QUANTITY_SCALE)
  quantity?: string;

  @ApiPropertyOptional({ example: '150.25', pattern: MONEY_PATTERN, description: 'price paid per share, for the unrealised P&L' })
  @IsOptional()
  @IsScaledDecimal(PRICE_SCALE, { positive: true })
  averageCost?: string;

  @ApiPropertyOptional({ default: false, description: 'accept a ticker that has no quotes yet' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  allowUnknown?: boolean;
}

/** Partial update; averageCost null clears it. */
export class UpdateHoldingBody {
  @ApiPropertyOptional({ example: '12.5', pattern: MONEY_PATTERN })
  @IsOptional()
  @IsScaledDecimal(QUANTITY_SCALE)
  quantity?: string;

  @ApiPropertyOptional({ type: String, example: '148.10', pattern: MONEY_PATTERN, nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsScaledDecimal(PRICE_SCALE, { positive: true })
  averageCost?: string | null;
}
