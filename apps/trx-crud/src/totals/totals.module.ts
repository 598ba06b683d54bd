import { Module } from '@nestjs/common';
import { RunningTotals } from './running-totals';
import { TransactionAggregatesController } from './transaction-aggregates.controller';
import { TransactionAggregatesService } from './transaction-aggregates.service';

/** The ledger's running totals: kept by every write (RunningTotals), read by the aggregate pattern. */
@Module({
  controllers: [TransactionAggregatesController],
  providers: [RunningTotals, TransactionAggregatesService],
  exports: [RunningTotals],
})
export class TotalsModule {}
