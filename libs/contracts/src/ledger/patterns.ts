/** Message patterns of the ledger service (trx-crud). */
export const LEDGER = {
  createTransaction: 'ledger.transaction.create',
  listTransactions: 'ledger.transaction.list',
  getTransaction: 'ledger.transaction.get',
  updateTransaction: 'ledger.transaction.update',
  deleteTransaction: 'ledger.transaction.delete',
  createCategory: 'ledger.category.create',
  listCategories: 'ledger.category.list',
  getCategory: 'ledger.category.get',
  updateCategory: 'ledger.category.update',
  deleteCategory: 'ledger.category.delete',
} as const;
