import { ConfigModule } from '@finstack/config';
import { DatabaseModule, UserRowsEraseController } from '@finstack/database';
import { OutboxRelayModule } from '@finstack/outbox';
import { CallableBy, HealthRpcController, SERVICE_NAME } from '@finstack/rpc';
import { LifecycleModule } from '@finstack/lifecycle';
import { MetricsModule } from '@finstack/metrics';
import { Module } from '@nestjs/common';
import { AlertsModule } from './alerts/alerts.module';
import { ConnectionsModule } from './connections/connections.module';
import { HoldingsModule } from './holdings/holdings.module';
import { MarketDataModule } from './market-data/market-data.module';
import { PortfolioEnv } from './portfolio-env';
import { PORTFOLIO_OUTBOX } from './common/portfolio-sql';
import { portfolioStorage } from './portfolio-storage';
import { QuotePollingModule } from './quote-polling/quote-polling.module';
import { QuotesModule } from './quotes/quotes.module';
import { WatchlistModule } from './watchlist/watchlist.module';

/** Account deletion (USER_DATA.erase): every table of this schema with a user_id column, the portfolio: alerts (before the watchlist entries they belong to), watchlist, holdings, market-data connections (sealed keys), and events not yet relayed. */
/** USER_DATA.erase comes from the gateway's identity-outbox relay after an account deletion, with its service token. */
const ERASED_BY_THE_GATEWAY = CallableBy('service:gateway');
const UserDataController = UserRowsEraseController('portfolio', ['price_alerts', 'watchlist_entries', 'holdings', 'market_connections', 'portfolio_outbox'], ERASED_BY_THE_GATEWAY);

@Module({
  imports: [
    ConfigModule.forRoot(PortfolioEnv),
    MetricsModule.forRoot('portfolio'),
    LifecycleModule.forRoot({ settingsClass: PortfolioEnv, database: true, opsListener: (env) => ({ host: env.PORTFOLIO_HOST, defaultPort: 9104 }) }),
    DatabaseModule.forRoot(PortfolioEnv, portfolioStorage),
    // price.changed and alert.triggered, to notifications once their quotes commit.
    OutboxRelayModule.forRoot({ table: PORTFOLIO_OUTBOX, settingsClass: PortfolioEnv }),
    HoldingsModule,
    WatchlistModule,
    AlertsModule,
    QuotesModule,
    MarketDataModule,
    ConnectionsModule,
    QuotePollingModule,
  ],
  controllers: [HealthRpcController, UserDataController],
  providers: [{ provide: SERVICE_NAME, useValue: 'portfolio' }],
})
export class AppModule {}
