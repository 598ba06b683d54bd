import { rpcClientProvider } from '@finstack/rpc';
import { Module } from '@nestjs/common';
import { LedgerAccountsModule } from '../ledger-accounts/ledger-accounts.module';
import { TotalsModule } from '../totals/totals.module';
import { TrxCrudEnv } from '../trx-crud-env';
import { CLASSIFIER_SERVICE, ImportCategorizer } from './import-categorizer';
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
    rpcClientProvider(CLASSIFIER_SERVICE, TrxCrudEnv, (env) => ({ host: env.CLASSIFIER_HOST, port: env.CLASSIFIER_PORT })),
  ],
})
export class ImportsModule {}
