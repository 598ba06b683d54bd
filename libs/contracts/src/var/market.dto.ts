import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '../validation';

/** A part of a price history, both days included. */
export class PriceRangeQuery {
  @ApiPropertyOptional({ example: '2015-01-01', description: 'first day (default: the first stored)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2015-12-31', description: 'last day, included (default: the last stored)' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
