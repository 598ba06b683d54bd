import { CreateTransactionBody } from '@finstack/contracts';
import { createLedgerTestApp, newUserId } from '../testing/ledger-test-app';
import { NewTransactionCategorizer } from './new-transaction-categorizer';

const coffee: CreateTransactionBody = { occurredOn: '2025-03-14', amount: '-4.5', currency: 'USD', description: 'Coffee' };

describe('NewTransactionCategorizer', () => {
  it('answers "no category" for every create of a batch when the categories cannot be read, so each is still stored', async () => {
    const app = await createLedgerTestApp();
    const categorizer = app.get(NewTransactionCategorizer);
    await app.dataSource.destroy(); // as when the database has gone away
    try {
      const predictions = await Promise.all([newUserId(), newUserId(), newUserId()].map((userId) => categorizer.predict(userId, coffee)));
      expect(predictions).toEqual([undefined, undefined, undefined]);
    } finally {
      await app.close().catch(() => undefined);
    }
  });
});
