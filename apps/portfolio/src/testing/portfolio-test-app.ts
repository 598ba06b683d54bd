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
import { AlertsModule } from '../alerts/alerts.module';
import { HoldingsModule } from '../holdings/holdings.module';
import { PortfolioEnv } from '../portfolio-env';
import { portfolioStorage } from '../portfolio-storage';
import { QuotesModule } from '../quotes/quotes.module';
import { WatchlistModule } from '../watchlist/watchlist.module';

export interface PortfolioTestApp {
  get<T>(type: Type<T>): T;
  dataSource: DataSource;
  /** 'mysql' when PORTFOLIO_TEST_DATABASE_URL is set. */
  dialect: 'mysql' | 'sqlite';
  close(): Promise<void>;
}

/**
 * The portfolio's feature modules on a real database with the real
 * migrations: a fresh SQLite file in a temporary folder, or the MySQL/MariaDB
 * schema named by PORTFOLIO_TEST_DATABASE_URL (run those with --runInBand;
 * each test uses its own users and tickers, so tests never see each other's rows).
 */
export async function createPortfolioTestApp(): Promise<PortfolioTestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'portfolio-test-'));
  const env = loadEnv(PortfolioEnv, {
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: process.env.PORTFOLIO_TEST_DATABASE_URL,
  });
  const module: TestingModule = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(PortfolioEnv, env),
      DatabaseModule.forRoot(PortfolioEnv, portfolioStorage),
      HoldingsModule,
      WatchlistModule,
      AlertsModule,
      QuotesModule,
    ],
  })
    // Tests provoke refused writes on purpose; the database logger need not print each one.
    .setLogger(new ConsoleLogger({ logLevels: ['fatal'] }))
    .compile();
  await module.init();
  return {
    get: (type) => module.get(type),
    dataSource: module.get<DataSource>(getDataSourceToken()),
    dialect: env.DATABASE_URL ? 'mysql' : 'sqlite',
    close: async () => {
      await module.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A user nobody else uses. */
export const newUserId = (): string => uuidv4();

let tickers = 0;
/**
 * A ticker no other test uses (quotes are shared by all users), valid by the
 * contract: "T" and 11 more characters from the process id, the clock and a counter.
 */
export function newTicker(): string {
  tickers += 1;
  return `T${(process.pid % 1296).toString(36)}${Date.now().toString(36).slice(-5)}${tickers.toString(36)}`.toUpperCase().slice(0, 12);
}

/** A quote time: minutes after 2025-03-14T09:00:00Z, or on a later UTC day. */
export const quoteAt = (minutes: number, day = 14): string => new Date(Date.UTC(2025, 2, day, 9, minutes)).toISOString();
