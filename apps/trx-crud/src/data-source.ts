/**
 * Data source for the TypeORM CLI only (migration:run, migration:revert, migration:show):
 *   npx typeorm -d dist/apps/trx-crud/src/data-source.js migration:run
 * The running app builds its own through DatabaseModule.
 */
import 'reflect-metadata';
import { loadEnv } from '@finstack/config';
import { dataSourceOptions } from '@finstack/database';
import { DataSource } from 'typeorm';
import { ledgerStorage } from './ledger-storage';
import { TrxCrudEnv } from './trx-crud-env';

export default new DataSource(dataSourceOptions(ledgerStorage(loadEnv(TrxCrudEnv))));
