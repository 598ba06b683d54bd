import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsNumber, IsOptional, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { NormaliseTicker, TICKER } from '../portfolio/portfolio-validation';
import { ConfidenceLevels } from './confidence';
import { DEFAULT_CONFIDENCE, VAR_LIMITS } from './limits';
import { PriceRangeQuery } from './market.dto';
import { PriceFieldName, PriceFieldOption, SeedOption } from './run-options';

export const STRATEGY_TYPES = ['sma-crossover', 'three-soldiers-crows'] as const;
export type StrategyType = (typeof STRATEGY_TYPES)[number];

const isSma = (s: StrategyBody) => s.type === 'sma-crossover';
const isCandles = (s: StrategyBody) => s.type === 'three-soldiers-crows';

/**
 * The trading strategy, with the parameter names of the original service:
 * sma-crossover takes A and V, three-soldiers-crows takes H, body and P.
 * Windows longer than the history are refused by the service, which knows it.
 */
export class StrategyBody {
  @ApiProperty({ enum: STRATEGY_TYPES, enumName: 'StrategyType' })
  @IsIn(STRATEGY_TYPES, { message: `strategy.type must be one of ${STRATEGY_TYPES.join(', ')}` })
  type!: StrategyType;

  @ApiPropertyOptional({ example: 20, description: 'sma-crossover: moving-average period (≥ 3)' })
  @ValidateIf(isSma)
  @IsInt({ message: 'A (moving-average period) must be an integer of at least 3' })
  @Min(3, { message: 'A (moving-average period) must be an integer of at least 3' })
  A?: number;

  @ApiPropertyOptional({ example: 101, description: 'sma-crossover: volatility window (≥ 3 rows)' })
  @ValidateIf(isSma)
  @IsInt({ message: 'V (volatility window) must be an integer of at least 3' })
  @Min(3, { message: 'V (volatility window) must be an integer of at least 3' })
  V?: number;

  @ApiPropertyOptional({ example: 20, description: 'three-soldiers-crows: closes before the signal for μ and σ (≥ 3)' })
  @ValidateIf(isCandles)
  @IsInt({ message: 'H (history) must be an integer of at least 3' })
  @Min(3, { message: 'H (history) must be an integer of at least 3' })
  H?: number;

  @ApiPropertyOptional({ example: 0.01, default: 0.01, description: 'three-soldiers-crows: minimum candle body, in price units' })
  @ValidateIf((s: StrategyBody) => isCandles(s) && s.body !== undefined)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  body?: number;

  @ApiPropertyOptional({ example: 5, description: 'three-soldiers-crows: days the position is held (≥ 1)' })
  @ValidateIf(isCandles)
  @IsInt({ message: 'P (days held) must be an integer of at least 1' })
  @Min(1, { message: 'P (days held) must be an integer of at least 1' })
  P?: number;
}

/** POST /var/analyses: Monte-Carlo VaR of a strategy's trades on a stored price history. */
export class AnalysisBody extends PriceRangeQuery {
  @ApiProperty({ example: 'AAPL' })
  @NormaliseTicker()
  @Matches(TICKER, { message: 'ticker must be a stock symbol such as "AAPL" or "BRK.B"' })
  ticker!: string;

  @ApiProperty({ type: StrategyBody })
  @IsDefined()
  @ValidateNested()
  @Type(() => StrategyBody)
  strategy!: StrategyBody;

  @ApiProperty({ example: 100_000, minimum: VAR_LIMITS.samplesMin, maximum: VAR_LIMITS.samplesMax, description: 'S: simulated returns per signal' })
  @IsInt({ message: `samples must be an integer from ${VAR_LIMITS.samplesMin} to ${VAR_LIMITS.samplesMax}` })
  @Min(VAR_LIMITS.samplesMin, { message: `samples must be an integer from ${VAR_LIMITS.samplesMin} to ${VAR_LIMITS.samplesMax}` })
  @Max(VAR_LIMITS.samplesMax, { message: `samples must be an integer from ${VAR_LIMITS.samplesMin} to ${VAR_LIMITS.samplesMax}` })
  samples!: number;

  @ApiPropertyOptional({ example: 2, default: 1, minimum: 1, maximum: VAR_LIMITS.shardsMax, description: 'R: worker threads' })
  @IsOptional()
  @IsInt({ message: `shards must be an integer from 1 to ${VAR_LIMITS.shardsMax}` })
  @Min(1, { message: `shards must be an integer from 1 to ${VAR_LIMITS.shardsMax}` })
  @Max(VAR_LIMITS.shardsMax, { message: `shards must be an integer from 1 to ${VAR_LIMITS.shardsMax}` })
  shards?: number;

  @ApiPropertyOptional({ example: 1000, default: 1000, description: 'shares per trade' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.000001)
  @Max(1e9)
  units?: number;

  @ApiPropertyOptional({ example: [0.95, 0.99], default: DEFAULT_CONFIDENCE })
  @IsOptional()
  @ConfidenceLevels()
  confidence?: number[];

  @SeedOption()
  seed?: number;

  @PriceFieldOption()
  priceField?: PriceFieldName;
}
