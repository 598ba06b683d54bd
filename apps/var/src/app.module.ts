import { ConfigModule } from '@finstack/config';
import { DatabaseModule, UserRowsEraseController } from '@finstack/database';
import { OutboxRelayModule } from '@finstack/outbox';
import { CallableBy, HealthRpcController, SERVICE_NAME } from '@finstack/rpc';
import { LifecycleModule } from '@finstack/lifecycle';
import { MetricsModule } from '@finstack/metrics';
import { Module } from '@nestjs/common';
import { MarketDataModule } from './market-data/market-data.module';
import { PortfolioVarModule } from './portfolio-var/portfolio-var.module';
import { VAR_OUTBOX } from './runs/run-events';
import { RunsModule } from './runs/runs.module';
import { StrategyModule } from './strategy/strategy.module';
import { VarEnv } from './var-env';
import { varStorage } from './var-storage';

/** Account deletion (USER_DATA.erase): every table of this schema with a user_id column, the risk service: VaR runs and events not yet relayed. */
/** USER_DATA.erase comes from the gateway's identity-outbox relay after an account deletion, with its service token. */
const ERASED_BY_THE_GATEWAY = CallableBy('service:gateway');
const UserDataController = UserRowsEraseController('var', ['var_runs', 'var_outbox'], ERASED_BY_THE_GATEWAY);

@Module({
  imports: [
    ConfigModule.forRoot(VarEnv),
    MetricsModule.forRoot('var'),
    LifecycleModule.forRoot({ settingsClass: VarEnv, database: true, opsListener: (env) => ({ host: env.VAR_HOST, defaultPort: 9105 }) }),
    DatabaseModule.forRoot(VarEnv, varStorage),
    OutboxRelayModule.forRoot({ table: VAR_OUTBOX, settingsClass: VarEnv }),
    MarketDataModule,
    RunsModule,
    StrategyModule,
    PortfolioVarModule,
  ],
  controllers: [HealthRpcController, UserDataController],
  providers: [{ provide: SERVICE_NAME, useValue: 'var' }],
})
export class AppModule {}
