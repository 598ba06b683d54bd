import { Module } from '@nestjs/common';
import { Clock } from '../common/clock';
import { LedgerModule } from '../ledger/ledger.module';
import { SummaryController } from './summary.controller';
import { SummaryService } from './summary.service';

@Module({
  imports: [LedgerModule],
  controllers: [SummaryController],
  providers: [SummaryService, Clock],
})
export class SummaryModule {}
