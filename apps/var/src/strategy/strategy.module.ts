import { Module } from '@nestjs/common';
import { MarketDataModule } from '../market-data/market-data.module';
import { RunsModule } from '../runs/runs.module';
import { AnalysisPool } from './analysis-pool';
import { StrategyController } from './strategy.controller';
import { StrategyService } from './strategy.service';

@Module({
  imports: [MarketDataModule, RunsModule],
  controllers: [StrategyController],
  providers: [StrategyService, AnalysisPool],
})
export class StrategyModule {}
