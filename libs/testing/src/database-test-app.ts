import { ConfigModule, loadEnv } from '@finstack/config';
import { DatabaseModule, StorageSettings } from '@finstack/database';
import { ConsoleLogger, DynamicModule, Type } from '@nestjs/common';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

export interface DatabaseTestApp {
  get<T>(type: Type<T>): T;
  dataSource: DataSource;
  /** 'mysql' when a database URL was given. */
  dialect: 'mysql' | 'sqlite';
  close(): Promise<void>;
}

export interface DatabaseTestAppOptions<Settings extends object> {
  /** Prefix of the temporary folder. */
  name: string;
  settingsClass: new () => Settings;
  storage: (env: Settings) => StorageSettings;
  /** The app's feature modules under test. */
  modules: (Type<unknown> | DynamicModule)[];
  /** A MySQL/MariaDB schema; a fresh SQLite file in the temporary folder when absent. */
  databaseUrl?: string;
  /** Further settings, e.g. REDIS_URL. */
  env?: Record<string, string>;
  /** Replaces providers, e.g. a TCP client by an in-memory fake. */
  overrides?: { token: string | symbol | Type<unknown>; value: unknown }[];
}

/**
 * An app's feature modules on a real database with the real migrations, for
 * unit specs. On MySQL, run them with --runInBand; tests use their own user
 * ids, so they never see each other's rows.
 */
export async function createDatabaseTestApp<Settings extends object>(
  options: DatabaseTestAppOptions<Settings>,
): Promise<DatabaseTestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), `${options.name}-test-`));
  const env = loadEnv(options.settingsClass, { ...options.env, NODE_ENV: 'test', DATA_DIR: dataDir, DATABASE_URL: options.databaseUrl });
  let builder: TestingModuleBuilder = Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(options.settingsClass, env),
      DatabaseModule.forRoot(options.settingsClass, options.storage),
      ...options.modules,
    ],
  });
  for (const { token, value } of options.overrides ?? []) builder = builder.overrideProvider(token).useValue(value);
  // Tests provoke refused writes on purpose; the database logger need not print each one.
  const module = await builder.setLogger(new ConsoleLogger({ logLevels: ['fatal'] })).compile();
  await module.init();
  return {
    get: (type) => module.get(type),
    dataSource: module.get<DataSource>(getDataSourceToken()),
    dialect: options.databaseUrl ? 'mysql' : 'sqlite',
    close: async () => {
      await module.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
