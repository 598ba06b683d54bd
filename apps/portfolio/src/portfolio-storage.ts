import { StorageSettings } from '@finstack/database';
import { PORTFOLIO_MIGRATIONS } from './migrations';
import { PortfolioEnv } from './portfolio-env';

/** The portfolio schema, for the running app and for the TypeORM CLI alike. */
export function portfolioStorage(env: PortfolioEnv): StorageSettings {
  return {
    databaseUrl: env.DATABASE_URL,
    tls: env.DATABASE_TLS,
    dataDir: env.DATA_DIR,
    schema: 'portfolio',
    // No entities: every statement is raw SQL (see common/portfolio-sql.ts).
    entities: [],
    migrations: PORTFOLIO_MIGRATIONS,
    migrationsRun: env.MIGRATIONS_RUN,
  };
}
