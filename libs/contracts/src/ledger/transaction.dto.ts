import { MONEY_PATTERN } from '../openapi';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  FitsCurrency,
  IsCalendarDate,
  IsCurrency,
  IsDecimalAmount,
  IsNonZeroAmount,
  IsNotBlank,
} from '../validation';

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

export class CreateTransactionBody {
  @ApiProperty({ example: '2025-03-14', format: 'date', description: 'the day it happened, YYYY-MM-DD' })
  @IsCalendarDate()
  occurredOn!: string;

  @ApiProperty({ example: '-12.34', pattern: MONEY_PATTERN, description: 'decimal string; negative = spent, positive = received' })
  @IsString()
  @IsDecimalAmount()
  @IsNonZeroAmount()
  @FitsCurrency('currency')
  amount!: string;

  @ApiProperty({ example: 'EUR' })
  @IsCurrency()
  currency!: string;

  @ApiProperty({ example: 'Coffee at Blue Bottle', minLength: 1, maxLength: 500 })
  @IsString()
  @Length(1, 500)
  @IsNotBlank()
  description!: string;

  @ApiPropertyOptional({ example: 'Blue Bottle', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  merchant?: string;

  @ApiPropertyOptional({ type: String, example: '0192f0c4-8a7e-7cc1-9d5e-3b7f2a9e4c10', format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  categoryId?: string | null;

  @ApiPropertyOptional({ example: 'bank-2025-03-14-0042', description: 'your own id for this transaction, unique per user', maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @IsNotBlank()
  externalId?: string;
}

/** Partial update; null clears merchant, categoryId or externalId. */
export class UpdateTransactionBody {
  @ApiPropertyOptional({ example: '2025-03-14', format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  occurredOn?: string;

  @ApiPropertyOptional({ example: '-12.34', pattern: MONEY_PATTERN })
  @IsOptional()
  @IsString()
  @IsDecimalAmount()
  @IsNonZeroAmount()
  @FitsCurrency('currency')
  amount?: string;

  @ApiPropertyOptional({ example: 'EUR' })
  @IsOptional()
  @IsCurrency()
  currency?: string;

  @ApiPropertyOptional({ example: 'Coffee at Blue Bottle', maxLength: 500 })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  @IsNotBlank()
  description?: string;

  @ApiPropertyOptional({ type: String, example: 'Blue Bottle', nullable: true, maxLength: 200 })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  merchant?: string | null;

  @ApiPropertyOptional({ type: String, example: '0192f0c4-8a7e-7cc1-9d5e-3b7f2a9e4c10', format: 'uuid', nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID()
  categoryId?: string | null;

  @ApiPropertyOptional({ type: String, example: 'bank-2025-03-14-0042', nullable: true, maxLength: 100 })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @Length(1, 100)
  @IsNotBlank()
  externalId?: string | null;
}

/** Query strings arrive as text over HTTP and as JSON values over TCP; accept both spellings. */
const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' || value === true ? true : value === 'false' || value === false ? false : value;

export class ListTransactionsQuery {
  @ApiPropertyOptional({ example: '2025-01-01', format: 'date', description: 'inclusive' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-31', format: 'date', description: 'inclusive' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'only the transactions of this CSV import' })
  @IsOptional()
  @IsUUID()
  importId?: string;

  @ApiPropertyOptional({ description: 'true: only transactions without a category' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  uncategorized?: boolean;

  @ApiPropertyOptional({ example: '-100.00', description: 'inclusive, in each transaction’s own currency' })
  @IsOptional()
  @IsString()
  @IsDecimalAmount()
  minAmount?: string;

  @ApiPropertyOptional({ example: '0', description: 'inclusive' })
  @IsOptional()
  @IsString()
  @IsDecimalAmount()
  maxAmount?: string;

  @ApiPropertyOptional({ description: 'text searched in description and merchant', maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be a nextCursor value returned by this endpoint' })
  cursor?: string;
}

/** Path parameters of routes that act on one record. */
export class IdParams {
  @IsUUID()
  id!: string;
}

export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export class IdempotencyKey {
  @IsOptional()
  @IsString()
  @Matches(IDEMPOTENCY_KEY_PATTERN, { message: 'Idempotency-Key must be 1 to 255 visible ASCII characters' })
  idempotencyKey?: string;
}

