import { Module } from '@nestjs/common';
import { LedgerAccountInterceptor } from './ledger-account.interceptor';
import { LedgerAccountsService } from './ledger-accounts.service';

@Module({
  providers: [LedgerAccountsService, LedgerAccountInterceptor],
  exports: [LedgerAccountsService, LedgerAccountInterceptor],
})
export class LedgerAccountsModule {}
