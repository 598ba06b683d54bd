import { ConfigModule } from '@finstack/config';
import { DatabaseModule, UserRowsEraseController } from '@finstack/database';
import { OutboxRelayModule } from '@finstack/outbox';
import { CallableBy, HealthRpcController, SERVICE_NAME } from '@finstack/rpc';
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

/** Account deletion (USER_DATA.erase): every table of this schema with a user_id column, the ledger: transactions (before the categories and imports they reference), imports, categories, idempotency keys, running totals, the account row, and events not yet relayed. */
/** USER_DATA.erase comes from the gateway's identity-outbox relay after an account deletion, with its service token. */
const ERASED_BY_THE_GATEWAY = CallableBy('service:gateway');
const UserDataController = UserRowsEraseController('trx-crud', ['transactions', 'imports', 'categories', 'idempotency_keys', 'ledger_daily_totals', 'ledger_monthly_totals', 'ledger_accounts', 'ledger_outbox'], ERASED_BY_THE_GATEWAY);

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
  controllers: [HealthRpcController, UserDataController],
  providers: [{ provide: SERVICE_NAME, useValue: 'trx-crud' }],
})
export class AppModule {}
