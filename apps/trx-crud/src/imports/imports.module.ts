import { Module } from '@nestjs/common';
import { LedgerAccountsModule } from '../ledger-accounts/ledger-accounts.module';
import { ImportLimits } from './import-limits';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({
  imports: [LedgerAccountsModule],
  controllers: [ImportsController],
  providers: [ImportsService, ImportLimits],
})
export class ImportsModule {}
