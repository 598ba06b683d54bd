import { ConfigModule } from '@finstack/config';
import { DatabaseModule } from '@finstack/database';
import { OutboxRelayModule } from '@finstack/outbox';
import { HealthRpcController, SERVICE_NAME } from '@finstack/rpc';
import { LifecycleModule } from '@finstack/lifecycle';
import { MetricsModule } from '@finstack/metrics';
import { Module } from '@nestjs/common';
import { CategoriesModule } from './categories/categories.module';
import { ImportsModule } from './imports/imports.module';
import { ledgerStorage } from './ledger-storage';
import { LEDGER_OUTBOX } from './outbox/ledger-outbox';
import { TotalsModule } from './totals/totals.module';
import { TransactionsModule } from './transactions/transactions.module';
import { TrxCrudEnv } from './trx-crud-env';

@Module({
  imports: [
    ConfigModule.forRoot(TrxCrudEnv),
    MetricsModule.forRoot('trx-crud'),
    LifecycleModule.forRoot({ settingsClass: TrxCrudEnv, database: true, opsListener: (env) => ({ host: env.TRX_CRUD_HOST, defaultPort: 9101 }) }),
    DatabaseModule.forRoot(TrxCrudEnv, ledgerStorage),
    // transaction.created and transaction.categorized, to notifications once their changes commit.
    OutboxRelayModule.forRoot({ table: LEDGER_OUTBOX, settingsClass: TrxCrudEnv }),
    TransactionsModule,
    CategoriesModule,
    ImportsModule,
    TotalsModule,
  ],
  controllers: [HealthRpcController],
  providers: [{ provide: SERVICE_NAME, useValue: 'trx-crud' }],
})
export class AppModule {}
