import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate, IsCurrency } from '../validation';

export const SUMMARY_GROUPINGS = ['month', 'category', 'merchant'] as const;
export type SummaryGrouping = (typeof SUMMARY_GROUPINGS)[number];

export const CASHFLOW_INTERVALS = ['day', 'week', 'month'] as const;
export type CashflowInterval = (typeof CASHFLOW_INTERVALS)[number];

/**
 * A period of days, both included (UTC calendar days), in one currency; at
 * most MAX_REPORT_MONTHS (50 years) long. Without a currency, the period's
 * only currency is used; with several, the caller must choose one.
 */
export class ReportPeriodQuery {
  @ApiPropertyOptional({ example: '2025-01-01', format: 'date', description: 'first day; default: the first day of the month 11 months before `to`' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-31', format: 'date', description: 'last day, included; default: today (UTC)' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({
    example: 'EUR',
    description: 'required when the period holds transactions in more than one currency; amounts in other currencies are left out',
  })
  @IsOptional()
  @IsCurrency()
  currency?: string;
}

export class SummaryQuery extends ReportPeriodQuery {
  @ApiPropertyOptional({ enum: SUMMARY_GROUPINGS, enumName: 'SummaryGrouping', default: 'month' })
  @IsOptional()
  @IsIn(SUMMARY_GROUPINGS)
  groupBy?: SummaryGrouping;
}

export class CashflowQuery extends ReportPeriodQuery {
  @ApiPropertyOptional({ enum: CASHFLOW_INTERVALS, enumName: 'CashflowInterval', default: 'month' })
  @IsOptional()
  @IsIn(CASHFLOW_INTERVALS)
  interval?: CashflowInterval;
}
