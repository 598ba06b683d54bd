import { Module } from '@nestjs/common';
import { LedgerAccountsModule } from '../ledger-accounts/ledger-accounts.module';
import { TotalsModule } from '../totals/totals.module';
import { classifierClientProvider } from '../classifier/classifier-client';
import { ImportCategorizer } from './import-categorizer';
import { ImportLimits } from './import-limits';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({
  imports: [TotalsModule, LedgerAccountsModule],
  controllers: [ImportsController],
  providers: [
    ImportsService,
    ImportLimits,
    ImportCategorizer,
    classifierClientProvider(),
  ],
})
export class ImportsModule {}
