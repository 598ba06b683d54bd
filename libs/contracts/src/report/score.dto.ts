import { MONEY_PATTERN } from '../openapi';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray } from 'class-validator';
import { RpcMessage } from '../rpc';
import { MAX_SCORED_TRANSACTIONS } from './limits';
import { AreScoredItems, MAX_SCORED_DESCRIPTION, ScoredItemFields } from './scored-items';

/** What scoring reads of a transaction: the gateway forwards only this, keeping the TCP frame small. */
export class ScoredAmount {
  @ApiProperty({ example: '-12.34', pattern: MONEY_PATTERN, description: 'decimal string; negative = spent, positive = received; zero is counted only' })
  amount!: string;

  @ApiProperty({ example: 'EUR' })
  currency!: string;
}

/**
 * A transaction to score; it need not be stored. Only amount and currency
 * count. Items are checked by AreScoredItems (same rules as the ledger's
 * fields), not as nested DTOs, so 10,000 of them validate in milliseconds.
 */
export class ScoredTransaction extends ScoredAmount {
  @ApiPropertyOptional({ example: '2025-03-14', format: 'date' })
  occurredOn?: string;

  @ApiPropertyOptional({ maxLength: MAX_SCORED_DESCRIPTION })
  description?: string;
}

/** A list of at most MAX_SCORED_TRANSACTIONS items; more is a 400 that says so, not a 413. */
const ScoredList = (fields: ScoredItemFields) => applyDecorators(IsArray(), AreScoredItems(fields));

export class ScoreBody {
  @ApiProperty({ type: [ScoredTransaction], maxItems: MAX_SCORED_TRANSACTIONS })
  @ScoredList('with-date-and-description')
  transactions!: ScoredTransaction[];
}

/** Scoring needs no user: it works on the amounts it is given, checked again here. */
export class ScoreMessage extends RpcMessage {
  @ScoredList('amount-and-currency')
  transactions!: ScoredAmount[];
}
