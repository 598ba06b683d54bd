import { rpcClientProvider } from '@finstack/rpc';
import { Module } from '@nestjs/common';
import { MarketDataModule } from '../market-data/market-data.module';
import { RunsModule } from '../runs/runs.module';
import { VarEnv } from '../var-env';
import { PortfolioVarController } from './portfolio-var.controller';
import { PORTFOLIO_SERVICE, PortfolioVarService } from './portfolio-var.service';

@Module({
  imports: [MarketDataModule, RunsModule],
  controllers: [PortfolioVarController],
  providers: [
    rpcClientProvider(PORTFOLIO_SERVICE, VarEnv, (env) => ({ host: env.PORTFOLIO_HOST, port: env.PORTFOLIO_PORT })),
    PortfolioVarService,
  ],
})
export class PortfolioVarModule {}
