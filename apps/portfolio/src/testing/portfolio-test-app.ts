import { createDatabaseTestApp, DatabaseTestApp } from '@finstack/testing';
import { v4 as uuidv4 } from 'uuid';
import { AlertsModule } from '../alerts/alerts.module';
import { HoldingsModule } from '../holdings/holdings.module';
import { PortfolioEnv } from '../portfolio-env';
import { portfolioStorage } from '../portfolio-storage';
import { QuotesModule } from '../quotes/quotes.module';
import { WatchlistModule } from '../watchlist/watchlist.module';

export type PortfolioTestApp = DatabaseTestApp;

/**
 * The portfolio's feature modules on a real database with the real
 * migrations: a fresh SQLite file, or the MySQL/MariaDB schema named by
 * PORTFOLIO_TEST_DATABASE_URL (each test uses its own users and tickers).
 */
export const createPortfolioTestApp = (): Promise<PortfolioTestApp> =>
  createDatabaseTestApp({
    name: 'portfolio',
    settingsClass: PortfolioEnv,
    storage: portfolioStorage,
    modules: [HoldingsModule, WatchlistModule, AlertsModule, QuotesModule],
    databaseUrl: process.env.PORTFOLIO_TEST_DATABASE_URL,
  });

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
