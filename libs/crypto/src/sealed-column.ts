import { DataSource } from 'typeorm';
import { Envelope } from './envelope';

/**
 * A table column holding sealed values: what `npm run rotate-keys` re-wraps.
 * The extension point for every sealed secret: the app that owns the table
 * exports one of these, and scripts/rotate-keys.ts lists it under its schema.
 */
export interface SealedColumn {
  table: string;
  /** The primary key (a string id). */
  idColumn: string;
  column: string;
  /** The owner column of the row, for the secret's context. */
  userIdColumn: string;
  purpose: string;
}

const PAGE = 200;
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export interface RewrapCount {
  table: string;
  rewrapped: number;
  current: number;
}

/**
 * Re-wraps every value of the column whose data key is not under the current
 * KEK, page by page in id order. Each row is updated only if it still holds
 * the value read, so a secret replaced meanwhile is left as its writer made it.
 */
export async function rewrapColumn(dataSource: DataSource, column: SealedColumn, envelope: Envelope): Promise<RewrapCount> {
  for (const name of [column.table, column.idColumn, column.column, column.userIdColumn]) {
    if (!IDENTIFIER.test(name)) throw new Error(`"${name}" is not a plain SQL identifier`);
  }
  const { table, idColumn: id, column: value, userIdColumn: owner } = column;
  const count: RewrapCount = { table, rewrapped: 0, current: 0 };
  let after = '';
  for (;;) {
    const rows: Record<string, string>[] = await dataSource.query(
      `SELECT \`${id}\` AS id, \`${owner}\` AS owner, \`${value}\` AS sealed FROM \`${table}\` WHERE \`${id}\` > ? AND \`${value}\` IS NOT NULL ORDER BY \`${id}\` LIMIT ${PAGE}`,
      [after],
    );
    for (const row of rows) {
      const sealed = row.sealed!;
      if (!envelope.needsRewrap(sealed)) {
        count.current += 1;
        continue;
      }
      const rewrapped = await envelope.rewrap(sealed, { purpose: column.purpose, userId: row.owner! });
      await dataSource.query(`UPDATE \`${table}\` SET \`${value}\` = ? WHERE \`${id}\` = ? AND \`${value}\` = ?`, [rewrapped, row.id, sealed]);
      count.rewrapped += 1;
    }
    if (rows.length < PAGE) return count;
    after = rows[rows.length - 1]!.id!;
  }
}
