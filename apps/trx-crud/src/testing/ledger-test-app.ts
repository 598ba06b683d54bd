import { createDatabaseTestApp, DatabaseTestApp } from '@finstack/testing';
import { DynamicModule } from '@nestjs/common';
import { v4 as uuidv4 } from 'uuid';
import { CategoriesModule } from '../categories/categories.module';
import { ImportsModule } from '../imports/imports.module';
import { ledgerStorage } from '../ledger-storage';
import { TotalsModule } from '../totals/totals.module';
import { TransactionsModule } from '../transactions/transactions.module';
import { TrxCrudEnv } from '../trx-crud-env';

export type LedgerTestApp = DatabaseTestApp;

/**
 * The ledger's feature modules on a real database with the real migrations:
 * a fresh SQLite file, or the MySQL/MariaDB schema named by LEDGER_TEST_DATABASE_URL.
 * `extraModules` adds what the app module would, e.g. a stand-in for the outbox relay.
 */
export const createLedgerTestApp = (extraModules: DynamicModule[] = []): Promise<LedgerTestApp> =>
  createDatabaseTestApp({
    name: 'trx-crud',
    settingsClass: TrxCrudEnv,
    storage: ledgerStorage,
    modules: [TransactionsModule, CategoriesModule, ImportsModule, TotalsModule, ...extraModules],
    databaseUrl: process.env.LEDGER_TEST_DATABASE_URL,
  });

/** A user nobody else uses, so every test starts with an empty ledger. */
export const newUserId = (): string => uuidv4();
