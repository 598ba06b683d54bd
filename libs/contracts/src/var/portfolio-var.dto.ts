import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PriceFieldName, PriceFieldOption, SeedOption } from './run-options';
import { ConfidenceLevels } from './confidence';
import { DEFAULT_CONFIDENCE, VAR_LIMITS } from './limits';

export const PORTFOLIO_VAR_METHODS = ['monte-carlo', 'historical', 'parametric'] as const;
export type PortfolioVarMethod = (typeof PORTFOLIO_VAR_METHODS)[number];

export const PORTFOLIO_VAR_DEFAULTS = { horizonDays: 1, samples: 100_000, lookbackDays: 250, method: 'monte-carlo' } as const;

/** POST /var/portfolio: VaR and ES of the caller's holdings, valued at the last common close. */
export class PortfolioVarBody {
  @ApiPropertyOptional({ example: 1, default: PORTFOLIO_VAR_DEFAULTS.horizonDays, maximum: VAR_LIMITS.horizonDaysMax })
  @IsOptional()
  @IsInt({ message: `horizonDays must be an integer from 1 to ${VAR_LIMITS.horizonDaysMax}` })
  @Min(1, { message: `horizonDays must be an integer from 1 to ${VAR_LIMITS.horizonDaysMax}` })
  @Max(VAR_LIMITS.horizonDaysMax, { message: `horizonDays must be an integer from 1 to ${VAR_LIMITS.horizonDaysMax}` })
  horizonDays?: number;

  @ApiPropertyOptional({ example: [0.95, 0.99], default: DEFAULT_CONFIDENCE })
  @IsOptional()
  @ConfidenceLevels()
  confidence?: number[];

  @ApiPropertyOptional({ example: 100_000, default: PORTFOLIO_VAR_DEFAULTS.samples, description: 'monte-carlo only' })
  @IsOptional()
  @IsInt({ message: `samples must be an integer from ${VAR_LIMITS.samplesMin} to ${VAR_LIMITS.portfolioSamplesMax}` })
  @Min(VAR_LIMITS.samplesMin, { message: `samples must be an integer from ${VAR_LIMITS.samplesMin} to ${VAR_LIMITS.portfolioSamplesMax}` })
  @Max(VAR_LIMITS.portfolioSamplesMax, { message: `samples must be an integer from ${VAR_LIMITS.samplesMin} to ${VAR_LIMITS.portfolioSamplesMax}` })
  samples?: number;

  @ApiPropertyOptional({ example: 250, default: PORTFOLIO_VAR_DEFAULTS.lookbackDays, description: 'daily returns used' })
  @IsOptional()
  @IsInt({ message: `lookbackDays must be an integer from ${VAR_LIMITS.lookbackDaysMin} to ${VAR_LIMITS.lookbackDaysMax}` })
  @Min(VAR_LIMITS.lookbackDaysMin, { message: `lookbackDays must be an integer from ${VAR_LIMITS.lookbackDaysMin} to ${VAR_LIMITS.lookbackDaysMax}` })
  @Max(VAR_LIMITS.lookbackDaysMax, { message: `lookbackDays must be an integer from ${VAR_LIMITS.lookbackDaysMin} to ${VAR_LIMITS.lookbackDaysMax}` })
  lookbackDays?: number;

  @ApiPropertyOptional({ enum: PORTFOLIO_VAR_METHODS, enumName: 'PortfolioVarMethod', default: PORTFOLIO_VAR_DEFAULTS.method })
  @IsOptional()
  @IsIn(PORTFOLIO_VAR_METHODS, { message: `method must be one of ${PORTFOLIO_VAR_METHODS.join(', ')}` })
  method?: PortfolioVarMethod;

  @SeedOption()
  seed?: number;

  @PriceFieldOption()
  priceField?: PriceFieldName;
}
