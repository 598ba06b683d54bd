import { queryMysql, Stack } from '@finstack/testing';
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Every schema of the stack, by the name of its SQLite file. */
const SCHEMAS = ['identity', 'ledger', 'classifier', 'portfolio', 'var'] as const;

/** Where a user's id was found: "schema.table.column" → rows. */
export type Traces = Record<string, number>;

/**
 * Every row, in every table of every schema, with a text column that
 * contains the user's id (a user_id column, or an id inside a JSON payload).
 * The tables and columns are read from the database itself
 * (information_schema, sqlite_master), so a table added later is covered.
 */
export async function rowsMentioning(stack: Stack, backend: 'mysql' | 'sqlite', userId: string): Promise<Traces> {
  const traces: Traces = {};
  for (const schema of SCHEMAS) {
    const columns = backend === 'mysql' ? await mysqlTextColumns(stack.databases[schema]!) : sqliteTextColumns(sqliteFile(stack, schema));
    for (const { table, column } of columns) {
      const sql = `SELECT COUNT(*) AS n FROM \`${table}\` WHERE \`${column}\` LIKE ?`;
      const params = [`%${userId}%`];
      const n =
        backend === 'mysql'
          ? Number((await queryMysql<{ n: number }>(stack.databases[schema]!, sql, params))[0]!.n)
          : Number((openSqlite(sqliteFile(stack, schema), (db) => db.prepare(sql).get(...params)) as { n: number }).n);
      if (n > 0) traces[`${schema}.${table}.${column}`] = n;
    }
  }
  return traces;
}

/** Every table of every schema with a user_id column: "schema.table". */
export async function tablesWithUserIds(stack: Stack, backend: 'mysql' | 'sqlite'): Promise<string[]> {
  const tables: string[] = [];
  for (const schema of SCHEMAS) {
    const columns = backend === 'mysql' ? await mysqlTextColumns(stack.databases[schema]!) : sqliteTextColumns(sqliteFile(stack, schema));
    for (const { table, column } of columns) if (column === 'user_id') tables.push(`${schema}.${table}`);
  }
  return tables.sort();
}

interface TextColumn {
  table: string;
  column: string;
}

async function mysqlTextColumns(databaseUrl: string): Promise<TextColumn[]> {
  const rows = await queryMysql<{ table: string; column: string }>(
    databaseUrl,
    "SELECT TABLE_NAME AS `table`, COLUMN_NAME AS `column` FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() " +
      "AND DATA_TYPE IN ('char', 'varchar', 'text', 'mediumtext', 'longtext', 'json') ORDER BY TABLE_NAME, COLUMN_NAME",
  );
  return rows;
}

function sqliteFile(stack: Stack, schema: string): string {
  const file = join(stack.dataDir, `${schema}.sqlite`);
  if (!existsSync(file)) throw new Error(`no SQLite file for the ${schema} schema at ${file}`);
  return file;
}

function sqliteTextColumns(file: string): TextColumn[] {
  return openSqlite(file, (db) => {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
    return tables.flatMap(({ name }) =>
      (db.prepare(`PRAGMA table_info(\`${name}\`)`).all() as { name: string; type: string }[])
        // Text affinity (CHAR, VARCHAR, TEXT, CLOB) or none declared.
        .filter((column) => column.type === '' || /CHAR|TEXT|CLOB/i.test(column.type))
        .map((column) => ({ table: name, column: column.name })),
    );
  });
}

function openSqlite<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}
