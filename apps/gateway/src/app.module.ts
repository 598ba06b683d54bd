import { GATEWAY_CALLS } from './gateway-service-calls';
import { JwtAuthGuard } from '@finstack/auth';
import { ConfigModule } from '@finstack/config';
import { DatabaseModule } from '@finstack/database';
import { OutboxRelayModule } from '@finstack/outbox';
import { rpcClientProvider } from '@finstack/rpc';
import { HealthController, LifecycleModule } from '@finstack/lifecycle';
import { MetricsModule } from '@finstack/metrics';
import { Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { MailRelayModule } from './mail/mail-relay.module';
import { RateLimitsModule } from './rate-limits/rate-limits.module';
import { IDENTITY_OUTBOX } from './auth/login-events';
import { IDENTITY_OUTBOX_ROUTING } from './auth/account-deletion/user-data-erasure.module';
import { CategorizerService } from './classifier/categorizer.service';
import { CLASSIFIER_SERVICE } from './classifier/classifier-client';
import { RulesController } from './classifier/rules.controller';
import { TransactionCategoriesController } from './classifier/transaction-categories.controller';
import { downstreamReadiness } from './health/downstream-readiness';
import { ImportsController } from './imports/imports.controller';
import { ImportsService } from './imports/imports.service';
import { CategoriesController } from './ledger/categories.controller';
import { LEDGER_SERVICE } from './ledger/ledger-client';
import { TransactionsController } from './ledger/transactions.controller';
import { ConnectionsController } from './portfolio/connections.controller';
import { HoldingsController } from './portfolio/holdings.controller';
import { PORTFOLIO_SERVICE } from './portfolio/portfolio-client';
import { QuoteIngestGuard } from './portfolio/quote-ingest.guard';
import { QuotesController } from './portfolio/quotes.controller';
import { WatchlistController } from './portfolio/watchlist.controller';
import { REPORT_SERVICE } from './reports/report-client';
import { ReportsController } from './reports/reports.controller';
import { GatewayEnv } from './gateway-env';
import { identityStorage } from './identity-storage';
import { OperatorGuard } from './auth/operator-role';
import { MarketController } from './var/market.controller';
import { PriceRefreshController } from './var/price-refresh.controller';
import { VAR_SERVICE } from './var/var-client';
import { VarController } from './var/var.controller';

@Module({
  imports: [
    ConfigModule.forRoot(GatewayEnv),
    MetricsModule.forRoot('gateway'),
    LifecycleModule.forRoot({ settingsClass: GatewayEnv, database: true }),
    DatabaseModule.forRoot(GatewayEnv, identityStorage),
    // Log-in alerts (auth.login) to notifications; user.deleted to every service that keeps user data.
    OutboxRelayModule.forRoot({ table: IDENTITY_OUTBOX, settingsClass: GatewayEnv, routing: IDENTITY_OUTBOX_ROUTING }),
    MailRelayModule,
    RateLimitsModule,
    AuthModule,
  ],
  controllers: [
    TransactionCategoriesController,
    TransactionsController,
    CategoriesController,
    RulesController,
    ImportsController,
    ReportsController,
    HoldingsController,
    WatchlistController,
    QuotesController,
    MarketController,
    PriceRefreshController,
    ConnectionsController,
    VarController,
    HealthController,
  ],
  providers: [
    rpcClientProvider(LEDGER_SERVICE, GatewayEnv, (env) => ({ host: env.TRX_CRUD_HOST, port: env.TRX_CRUD_PORT }), GATEWAY_CALLS),
    rpcClientProvider(CLASSIFIER_SERVICE, GatewayEnv, (env) => ({ host: env.CLASSIFIER_HOST, port: env.CLASSIFIER_PORT }), GATEWAY_CALLS),
    rpcClientProvider(REPORT_SERVICE, GatewayEnv, (env) => ({ host: env.REPORT_HOST, port: env.REPORT_PORT }), GATEWAY_CALLS),
    rpcClientProvider(PORTFOLIO_SERVICE, GatewayEnv, (env) => ({ host: env.PORTFOLIO_HOST, port: env.PORTFOLIO_PORT }), GATEWAY_CALLS),
    rpcClientProvider(VAR_SERVICE, GatewayEnv, (env) => ({ host: env.VAR_HOST, port: env.VAR_PORT }), GATEWAY_CALLS),
    // QuoteIngestGuard checks tokens through JwtAuthGuard, so the guard is injectable here too.
    JwtAuthGuard,
    QuoteIngestGuard,
    OperatorGuard,
    CategorizerService,
    ImportsService,
    downstreamReadiness,
  ],
})
export class AppModule {}
