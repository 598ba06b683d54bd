import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { UserMessage } from '../rpc';
import { IsCalendarDate, IsCurrency } from '../validation';

export const MAX_AGGREGATE_GROUPS = 1000;

/** How the ledger can total a user's transactions. */
export const AGGREGATE_DIMENSIONS = ['day', 'month', 'category', 'merchant'] as const;
export type AggregateDimension = (typeof AGGREGATE_DIMENSIONS)[number];

/** Totals of a user's transactions between two days (both included), per currency and per dimension value. */
export class AggregateTransactionsMessage extends UserMessage {
  @IsCalendarDate()
  from!: string;

  @IsCalendarDate()
  to!: string;

  @IsIn(AGGREGATE_DIMENSIONS)
  groupBy!: AggregateDimension;

  /** Only this currency; all of them when absent. */
  @IsOptional()
  @IsCurrency()
  currency?: string;

  /**
   * Only the groups with the most spending (then the most received), so that
   * an answer for a user with thousands of payees stays small.
   */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_AGGREGATE_GROUPS)
  limit?: number;
}

/**
 * One group of transactions. Money is in minor units (a bigint as text) so
 * the caller can keep calculating exactly.
 */
export interface TransactionAggregate {
  /**
   * day: "YYYY-MM-DD"; month: "YYYY-MM"; category: its id, null for
   * uncategorised; merchant: the normalised payee ("tesco stores", from the
   * merchant or else the description), null when none is recognisable.
   */
  key: string | null;
  /** The category's name, or the payee as a person reads it ("Tesco Stores"); null for days, months and null keys. */
  label: string | null;
  currency: string;
  /** Sum of the negative amounts, as a positive number. */
  spentMinor: string;
  /** Sum of the positive amounts. */
  receivedMinor: string;
  count: number;
}
