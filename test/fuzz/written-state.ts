/**
 * Everything stored, as row counts and content checksums per table, so a run
 * of malformed requests can show it wrote nothing: read straight from the
 * databases (every schema of the stack, MariaDB or SQLite), not through the API.
 */
import { queryMysql, Stack } from '@finstack/testing';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** "schema.table" → "rows=N checksum=…". */
export type StoredState = Record<string, string>;

export async function storedState(stack: Stack): Promise<StoredState> {
  const urls = [...new Set(Object.values(stack.databases).filter((url): url is string => Boolean(url)))];
  return urls.length > 0 ? mysqlState(urls) : sqliteState(stack.dataDir);
}

async function mysqlState(urls: string[]): Promise<StoredState> {
  const state: StoredState = {};
  for (const url of urls) {
    const schema = new URL(url).pathname.slice(1);
    const tables = (await queryMysql<Record<string, string>>(url, 'SHOW TABLES')).map((row) => Object.values(row)[0]);
    for (const table of tables) {
      const [{ rows }] = await queryMysql<{ rows: number }>(url, `SELECT COUNT(*) AS \`rows\` FROM \`${table}\``);
      const [{ Checksum }] = await queryMysql<{ Checksum: string }>(url, `CHECKSUM TABLE \`${table}\``);
      state[`${schema}.${table}`] = `rows=${rows} checksum=${Checksum}`;
    }
  }
  return state;
}

function sqliteState(dataDir: string): StoredState {
  const state: StoredState = {};
  for (const file of readdirSync(dataDir).filter((name) => name.endsWith('.sqlite'))) {
    const db = new Database(join(dataDir, file), { readonly: true, fileMustExist: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>;
      for (const { name } of tables) {
        const rows = db.prepare(`SELECT * FROM "${name}"`).raw().all();
        const checksum = createHash('sha256').update(JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value))).digest('hex').slice(0, 16);
        state[`${file}.${name}`] = `rows=${rows.length} checksum=${checksum}`;
      }
    } finally {
      db.close();
    }
  }
  return state;
}

/** Tables whose rows or contents differ, as lines a person can read. */
export function changedTables(before: StoredState, after: StoredState): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).map((name) => `${name}: ${before[name] ?? 'absent'} → ${after[name] ?? 'absent'}`);
}

/** Waits until the stored state stops changing (outbox relays and other work after the set-up), then returns it. */
export async function settledState(stack: Stack, quietMs = 1_000, timeoutMs = 20_000): Promise<StoredState> {
  const deadline = Date.now() + timeoutMs;
  let previous = await storedState(stack);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const current = await storedState(stack);
    if (changedTables(previous, current).length === 0) return current;
    if (Date.now() > deadline) throw new Error(`the stored state kept changing:\n${changedTables(previous, current).join('\n')}`);
    previous = current;
  }
}
