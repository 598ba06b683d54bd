import { ConfigModule, loadEnv } from '@finstack/config';
import { DatabaseModule } from '@finstack/database';
import { ConsoleLogger, Type } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { v4 as uuidv4 } from 'uuid';
import { CategoriesModule } from '../categories/categories.module';
import { ImportsModule } from '../imports/imports.module';
import { TotalsModule } from '../totals/totals.module';
import { ledgerStorage } from '../ledger-storage';
import { TransactionsModule } from '../transactions/transactions.module';
import { TrxCrudEnv } from '../trx-crud-env';

export interface LedgerTestApp {
  get<T>(type: Type<T>): T;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * The ledger's feature modules on a real database with the real migrations:
 * a fresh SQLite file in a temporary folder, or the MySQL/MariaDB schema named
 * by LEDGER_TEST_DATABASE_URL (run those with --runInBand; each test uses its
 * own user ids, so tests never see each other's rows).
 */
export async function createLedgerTestApp(): Promise<LedgerTestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'trx-crud-test-'));
  const env = loadEnv(TrxCrudEnv, {
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: process.env.LEDGER_TEST_DATABASE_URL,
  });
  const module: TestingModule = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(TrxCrudEnv, env),
      DatabaseModule.forRoot(TrxCrudEnv, ledgerStorage),
      TransactionsModule,
      CategoriesModule,
      ImportsModule,
      TotalsModule,
    ],
  })
    // Tests provoke refused writes on purpose; the database logger need not print each one.
    .setLogger(new ConsoleLogger({ logLevels: ['fatal'] }))
    .compile();
  await module.init();
  return {
    get: (type) => module.get(type),
    dataSource: module.get<DataSource>(getDataSourceToken()),
    close: async () => {
      await module.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A user nobody else uses, so every test starts with an empty ledger. */
export const newUserId = (): string => uuidv4();
