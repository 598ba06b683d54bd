import { StorageSettings } from '@finstack/database';
import { VAR_MIGRATIONS } from './migrations';
import { VarEnv } from './var-env';

/** The var schema (runs and the outbox), for the running app and for the TypeORM CLI alike. */
export function varStorage(env: VarEnv): StorageSettings {
  return {
    databaseUrl: env.DATABASE_URL,
    tls: env.DATABASE_TLS,
    dataDir: env.DATA_DIR,
    schema: 'var',
    // No entities: every statement is raw SQL (see runs/run-rows.ts).
    entities: [],
    migrations: VAR_MIGRATIONS,
    migrationsRun: env.MIGRATIONS_RUN,
  };
}
