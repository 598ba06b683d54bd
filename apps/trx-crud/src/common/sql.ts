import { DataSource } from 'typeorm';

/*
 * Ledger-specific helpers for the statements written by hand; the generic ones
 * (placeholders, chunks, sqlTimestamp) live in @finstack/database.
 */
export { chunks, placeholders, sqlTimestamp } from '@finstack/database';

export function isMysql(dataSource: DataSource): boolean {
  return dataSource.options.type === 'mysql';
}

/**
 * SQLite, without statistics, plans `user_id = ? AND id IN (…)` as a walk
 * through all of the user's rows (the primary key starts with user_id). Added
 * after a table name in statements that take a list of ids, this makes it
 * look each row up by id instead, as MySQL does on its own.
 */
export function byTransactionId(dataSource: DataSource): string {
  return isMysql(dataSource) ? '' : ' INDEXED BY UQ_transactions_id';
}
