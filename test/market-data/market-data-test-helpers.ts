import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { queryMysql, Stack } from '@finstack/testing';

/**
 * Every row of every table of the stack's schemas, as text: what a database
 * dump would hold. On SQLite, the database files' bytes (with their WAL).
 */
export async function dumpEverything(stack: Stack): Promise<string> {
  const schemas = [...new Set(Object.values(stack.databases).filter((url): url is string => url !== undefined))];
  if (schemas.length === 0) return sqliteBytes(stack.dataDir);
  const parts: string[] = [];
  for (const url of schemas) {
    const tables = await queryMysql<Record<string, string>>(url, 'SHOW TABLES');
    for (const table of tables.map((row) => Object.values(row)[0]!)) {
      const rows = await queryMysql<Record<string, unknown>>(url, `SELECT * FROM \`${table}\``);
      parts.push(`${url} ${table}\n${JSON.stringify(rows, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('latin1') : value))}`);
    }
  }
  return parts.join('\n');
}

function sqliteBytes(dir: string): string {
  const parts: string[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.sqlite(-wal|-journal)?$/.test(entry.name)) parts.push(readFileSync(full).toString('latin1'));
    }
  };
  walk(dir);
  return parts.join('\n');
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns something truthy, failing with `what` after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
