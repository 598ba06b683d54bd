import { CategoriesService } from '../categories/categories.service';
import { createLedgerTestApp, newUserId } from '../testing/ledger-test-app';
import { TransactionListService } from './transaction-list.service';
import { TransactionsService } from './transactions.service';

it('smoke', async () => {
  const app = await createLedgerTestApp();
  const user = newUserId();
  const cat = await app.get(CategoriesService).create(user, { name: 'Food', kind: 'expense' });
  const t = await app.get(TransactionsService).create(user, { occurredOn: '2025-03-14', amount: '-12.3', currency: 'USD', description: 'x', categoryId: cat.id }, 'k1');
  console.log(t);
  console.log(await app.get(TransactionsService).create(user, { occurredOn: '2025-03-14', amount: '-12.3', currency: 'USD', description: 'x', categoryId: cat.id }, 'k1'));
  console.log(await app.get(TransactionsService).update(user, t.transaction.id, { amount: '-99999999999.9', categoryId: null }));
  console.log(await app.get(TransactionListService).list(user, { minAmount: '-100000000000', q: 'X', limit: 1 }));
  console.log(await app.dataSource.query('select * from transactions'));
  console.log(await app.dataSource.query('select sql from sqlite_master'));
  console.log(await app.get(CategoriesService).delete(user, cat.id));
  await app.close();
});
