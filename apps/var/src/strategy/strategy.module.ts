import { Module } from '@nestjs/common';
import { MarketDataModule } from '../market-data/market-data.module';
import { RunsModule } from '../runs/runs.module';
import { StrategyController } from './strategy.controller';
import { StrategyService } from './strategy.service';

@Module({
  imports: [MarketDataModule, RunsModule],
  controllers: [StrategyController],
  providers: [StrategyService],
})
export class StrategyModule {}
