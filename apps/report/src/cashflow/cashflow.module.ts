import { Module } from '@nestjs/common';
import { Clock } from '../common/clock';
import { LedgerModule } from '../ledger/ledger.module';
import { CashflowController } from './cashflow.controller';
import { CashflowService } from './cashflow.service';

@Module({
  imports: [LedgerModule],
  controllers: [CashflowController],
  providers: [CashflowService, Clock],
})
export class CashflowModule {}
