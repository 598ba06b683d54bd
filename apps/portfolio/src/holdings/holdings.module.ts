import { Module } from '@nestjs/common';
import { HistoryCloses, varClientProvider } from './history-closes';
import { HoldingsController } from './holdings.controller';
import { HoldingsService } from './holdings.service';

@Module({
  controllers: [HoldingsController],
  providers: [HoldingsService, HistoryCloses, varClientProvider],
})
export class HoldingsModule {}
