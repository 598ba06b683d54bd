import { Envelope, keyWrapperFromSettings } from '@finstack/crypto';
import { ReadinessRegistry } from '@finstack/lifecycle';
import { Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { PortfolioEnv } from '../portfolio-env';
import { FINNHUB_DEFAULT_BASE_URL, FINNHUB_MAX_CALLS_PER_SECOND, FinnhubProvider } from './finnhub.provider';
import { HistoryController } from './history.controller';
import { MARKET_DATA_GATE } from './market-data.tokens';
import { ProviderGate } from './provider-gate';

/** The provider behind its gate, and the envelope that seals API keys; shared by connections and polling. */
@Global()
@Module({
  controllers: [HistoryController],
  providers: [
    {
      provide: MARKET_DATA_GATE,
      inject: [PortfolioEnv],
      useFactory: (env: PortfolioEnv) =>
        new ProviderGate(new FinnhubProvider(env.MARKET_DATA_BASE_URL ?? FINNHUB_DEFAULT_BASE_URL), {
          callsPerMinute: env.MARKET_DATA_CALLS_PER_MINUTE,
          maxCallsPerSecond: FINNHUB_MAX_CALLS_PER_SECOND,
          retries: 3,
          backoffBaseMs: 500,
          backoffCapMs: 30_000,
          circuitThreshold: env.MARKET_DATA_CIRCUIT_THRESHOLD,
          circuitOpenMs: env.MARKET_DATA_CIRCUIT_OPEN_MS,
        }),
    },
    { provide: Envelope, inject: [PortfolioEnv], useFactory: (env: PortfolioEnv) => new Envelope(keyWrapperFromSettings(env)) },
  ],
  exports: [MARKET_DATA_GATE, Envelope],
})
export class MarketDataModule implements OnModuleInit {
  constructor(
    @Inject(MARKET_DATA_GATE) private readonly gate: ProviderGate,
    private readonly readiness: ReadinessRegistry,
    private readonly indicators: HealthIndicatorService,
  ) {}

  /** An open circuit is reported as degraded, not down: the wallet still answers with the prices it has. */
  onModuleInit(): void {
    this.readiness.add(() => {
      const health = this.gate.health();
      return this.indicators.check('marketData').up({ state: health.circuit === 'closed' ? 'ok' : 'degraded', ...health });
    });
  }
}
