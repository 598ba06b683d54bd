import { ConfigModule } from '@finstack/config';
import { DatabaseModule } from '@finstack/database';
import { HealthRpcController, SERVICE_NAME } from '@finstack/rpc';
import { Module } from '@nestjs/common';
import { AlertsModule } from './alerts/alerts.module';
import { HoldingsModule } from './holdings/holdings.module';
import { PortfolioEnv } from './portfolio-env';
import { portfolioStorage } from './portfolio-storage';
import { QuotesModule } from './quotes/quotes.module';
import { WatchlistModule } from './watchlist/watchlist.module';

@Module({
  imports: [
    ConfigModule.forRoot(PortfolioEnv),
    DatabaseModule.forRoot(PortfolioEnv, portfolioStorage),
    HoldingsModule,
    WatchlistModule,
    AlertsModule,
    QuotesModule,
  ],
  controllers: [HealthRpcController],
  providers: [{ provide: SERVICE_NAME, useValue: 'portfolio' }],
})
export class AppModule {}
