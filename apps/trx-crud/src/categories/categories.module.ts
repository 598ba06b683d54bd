import { Module } from '@nestjs/common';
import { LedgerAccountsModule } from '../ledger-accounts/ledger-accounts.module';
import { TotalsModule } from '../totals/totals.module';
import { CategoriesController } from './categories.controller';
import { CategoriesService } from './categories.service';

@Module({
  imports: [TotalsModule, LedgerAccountsModule],
  controllers: [CategoriesController],
  providers: [CategoriesService],
})
export class CategoriesModule {}
