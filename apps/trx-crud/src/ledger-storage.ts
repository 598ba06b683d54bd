import { StorageSettings } from '@finstack/database';
import { CategoryEntity } from './categories/category.entity';
import { IdempotencyKeyEntity } from './idempotency/idempotency-key.entity';
import { ImportEntity } from './imports/import.entity';
import { LedgerAccountEntity } from './ledger-accounts/ledger-account.entity';
import { LEDGER_MIGRATIONS } from './migrations';
import { TransactionEntity } from './transactions/transaction.entity';
import { TrxCrudEnv } from './trx-crud-env';

export const LEDGER_ENTITIES = [TransactionEntity, CategoryEntity, LedgerAccountEntity, IdempotencyKeyEntity, ImportEntity];

/** The ledger schema, for the running app and for the TypeORM CLI alike. */
export function ledgerStorage(env: TrxCrudEnv): StorageSettings {
  return {
    databaseUrl: env.DATABASE_URL,
    tls: env.DATABASE_TLS,
    dataDir: env.DATA_DIR,
    schema: 'ledger',
    entities: LEDGER_ENTITIES,
    migrations: LEDGER_MIGRATIONS,
    migrationsRun: env.MIGRATIONS_RUN,
  };
}
