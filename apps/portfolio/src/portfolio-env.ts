import { EnvBoolean, EnvInt } from '@finstack/config';
import { KeyEnv } from '@finstack/crypto';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/**
 * Settings of the portfolio service: the common ones (the database, and
 * PORTFOLIO_HOST/PORTFOLIO_PORT, which the gateway reads too), plus the
 * market-data provider, the quote polling and the key that seals API keys.
 */
/** The key-encryption key settings (KeyEnv) seal the users' provider keys. */
export class PortfolioEnv extends KeyEnv {
  @IsIn(['finnhub'])
  MARKET_DATA_PROVIDER = 'finnhub' as const;

  /** The provider's API root; tests and self-hosters point it elsewhere. Unset: the provider's public one. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'MARKET_DATA_BASE_URL must be an http(s) URL' })
  MARKET_DATA_BASE_URL?: string;

  /** The system-wide key (Secrets Manager in AWS), for tickers no connected user covers. */
  @IsOptional()
  @IsString()
  @MaxLength(256)
  MARKET_DATA_API_KEY?: string;

  /** The provider's limit per key (Finnhub's free plan: 60 a minute). */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(100_000)
  MARKET_DATA_CALLS_PER_MINUTE = 60;

  /** Outages in a row that open the provider's circuit. */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(100)
  MARKET_DATA_CIRCUIT_THRESHOLD = 5;

  /** How long an open circuit leaves the provider alone before one trial call. */
  @EnvInt()
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  MARKET_DATA_CIRCUIT_OPEN_MS = 60_000;

  /** Poll the provider for every ticker held or watched (one replica of the cluster polls). */
  @EnvBoolean()
  @IsBoolean()
  QUOTE_POLLING = true;

  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(86_400)
  QUOTE_POLL_SECONDS = 60;
}
