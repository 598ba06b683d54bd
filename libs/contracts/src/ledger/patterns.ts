/** Message patterns of the ledger service (trx-crud). */
export const LEDGER = {
  createTransaction: 'ledger.transaction.create',
  listTransactions: 'ledger.transaction.list',
  getTransaction: 'ledger.transaction.get',
  updateTransaction: 'ledger.transaction.update',
  deleteTransaction: 'ledger.transaction.delete',
  getTransactions: 'ledger.transaction.get-many',
  setCategories: 'ledger.transaction.set-categories',
  beginImport: 'ledger.import.begin',
  appendImport: 'ledger.import.append',
  finishImport: 'ledger.import.finish',
  getImport: 'ledger.import.get',
  createCategory: 'ledger.category.create',
  listCategories: 'ledger.category.list',
  getCategory: 'ledger.category.get',
  updateCategory: 'ledger.category.update',
  deleteCategory: 'ledger.category.delete',
} as const;
