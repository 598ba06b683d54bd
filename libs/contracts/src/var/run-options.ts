import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export const PRICE_FIELDS = ['adjClose', 'close'] as const;
export type PriceFieldName = (typeof PRICE_FIELDS)[number];

/** `seed`, shared by every risk request: an unsigned 32-bit integer that makes the draws reproducible. */
export const SeedOption = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ example: 42, description: 'with a seed the results are reproducible' }),
    IsOptional(),
    IsInt(),
    Min(0),
    Max(0xffffffff),
  );

/** `priceField`, shared by every risk request: which column of the price history is analysed. */
export const PriceFieldOption = (): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ enum: PRICE_FIELDS, enumName: 'PriceField', default: 'adjClose' }), IsOptional(), IsIn(PRICE_FIELDS));
