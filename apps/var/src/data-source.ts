/**
 * Data source for the TypeORM CLI only (migration:run, migration:revert, migration:show):
 *   npx typeorm -d dist/apps/var/src/data-source.js migration:run
 * The running app builds its own through DatabaseModule.
 */
import 'reflect-metadata';
import { loadEnv } from '@finstack/config';
import { dataSourceOptions } from '@finstack/database';
import { DataSource } from 'typeorm';
import { varStorage } from './var-storage';
import { VarEnv } from './var-env';

export default new DataSource(dataSourceOptions(varStorage(loadEnv(VarEnv))));
