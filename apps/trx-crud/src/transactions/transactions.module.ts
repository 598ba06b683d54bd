import { Module } from '@nestjs/common';
import { classifierClientProvider } from '../classifier/classifier-client';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { LedgerAccountsModule } from '../ledger-accounts/ledger-accounts.module';
import { LedgerOutboxModule } from '../outbox/ledger-outbox.module';
import { TotalsModule } from '../totals/totals.module';
import { GroupedCreates } from './grouped-creates';
import { NewTransactionCategorizer } from './new-transaction-categorizer';
import { TransactionCategoriesService } from './transaction-categories.service';
import { TransactionListService } from './transaction-list.service';
import { TransactionsController } from './transactions.controller';
import { TransactionsService } from './transactions.service';

@Module({
  imports: [TotalsModule, LedgerAccountsModule, IdempotencyModule, LedgerOutboxModule],
  controllers: [TransactionsController],
  providers: [TransactionsService, GroupedCreates, TransactionListService, TransactionCategoriesService, NewTransactionCategorizer, classifierClientProvider()],
})
export class TransactionsModule {}
