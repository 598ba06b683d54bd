import { placeholders } from '../common/sql';

/**
 * Which of a user's transactions a change of running totals is about, as an
 * SQL condition on the alias `t`. SQLite plans without statistics, so each
 * selection names the index that finds its rows (MySQL picks it on its own).
 */
export interface TransactionSelection {
  where: string;
  params: unknown[];
  sqliteIndex?: string;
}

export const selectTransactions = {
  byIds: (ids: readonly string[]): TransactionSelection => ({
    where: `t.id IN (${placeholders(ids.length)})`,
    params: [...ids],
    sqliteIndex: 'UQ_transactions_id',
  }),
  byImport: (importId: string): TransactionSelection => ({
    where: 't.import_id = ?',
    params: [importId],
    sqliteIndex: 'IDX_transactions_user_import',
  }),
  byCategory: (categoryId: string): TransactionSelection => ({
    where: 't.category_id = ?',
    params: [categoryId],
    sqliteIndex: 'IDX_transactions_user_category',
  }),
};
