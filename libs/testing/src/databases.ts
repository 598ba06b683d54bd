import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

export type Backend = 'mysql' | 'sqlite';

/** Which database the end-to-end tests run against: E2E_DB=mysql (default) or sqlite. */
export function backendFromEnv(): Backend {
  const backend = process.env.E2E_DB ?? 'mysql';
  if (backend !== 'mysql' && backend !== 'sqlite') throw new Error(`E2E_DB must be mysql or sqlite, not ${backend}`);
  return backend;
}

/** Server URL without a schema, e.g. mysql://root@127.0.0.1:3306. */
export function mysqlServerUrl(): string {
  return process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
}

/**
 * Drops and creates a schema, so every test suite starts from nothing; returns its URL.
 * TEST_DB_PREFIX keeps two checkouts that test at once on one server out of each other's schemas.
 */
export async function freshMysqlDatabase(suiteName: string, server = mysqlServerUrl()): Promise<string> {
  const name = `${process.env.TEST_DB_PREFIX ?? ''}${suiteName}`;
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name ${name}`);
  const connection = await createConnection(server);
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await connection.end();
  }
  return `${server.replace(/\/$/, '')}/${name}`;
}

export async function queryMysql<T>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const connection = await createConnection(databaseUrl);
  try {
    const [rows] = await connection.query(sql, params);
    return rows as T[];
  } finally {
    await connection.end();
  }
}

/** A throwaway DATA_DIR for SQLite files and generated keys. */
export function tempDataDir(prefix = 'finstack-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
