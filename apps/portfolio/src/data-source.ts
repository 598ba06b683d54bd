/**
 * Data source for the TypeORM CLI only (migration:run, migration:revert, migration:show):
 *   npx typeorm -d dist/apps/portfolio/src/data-source.js migration:run
 * The running app builds its own through DatabaseModule.
 */
import 'reflect-metadata';
import { loadEnv } from '@finstack/config';
import { dataSourceOptions } from '@finstack/database';
import { DataSource } from 'typeorm';
import { portfolioStorage } from './portfolio-storage';
import { PortfolioEnv } from './portfolio-env';

export default new DataSource(dataSourceOptions(portfolioStorage(loadEnv(PortfolioEnv))));
