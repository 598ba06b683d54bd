import { EVENT_TYPES, TransactionView } from '@finstack/contracts';
import { Session } from '@finstack/testing';
import { backend, connect, Listener, sleep, useNotificationsStack } from './notifications-test-helpers';

describe(`notifications: the ledger's transaction.created and transaction.categorized reach their owner (${backend})`, () => {
  const notif = useNotificationsStack('notif_ledger');
  const listeners: Listener[] = [];
  afterEach(() => listeners.splice(0).forEach((listener) => listener.close()));
  const open = async (user: Session) => {
    const listener = await connect(notif.stack().notificationsUrl, user.accessToken, { reconnect: true });
    listeners.push(listener);
    return listener;
  };
  const categoryIds = async (user: Session): Promise<Record<string, string>> => {
    const categories = await notif.api().get<{ items: Array<{ id: string; name: string }> }>('/api/v1/categories', { token: user.accessToken });
    return Object.fromEntries(categories.body.items.map((category) => [category.name, category.id]));
  };
  /** A well-known merchant: the starter lexicon files it under Entertainment for a user without history. */
  const createNetflix = async (user: Session, idempotencyKey: string) => {
    const response = await notif.api().post<TransactionView>(
      '/api/v1/transactions',
      { occurredOn: '2025-03-01', amount: '-12.99', currency: 'EUR', description: 'NETFLIX.COM 866-579-7172 CA' },
      { token: user.accessToken, headers: { 'Idempotency-Key': idempotencyKey } },
    );
    expect(response.status).toBe(201);
    return response.body;
  };
  const setCategory = async (user: Session, transactionId: string, categoryId: string) => {
    const response = await notif.api().put(`/api/v1/transactions/${transactionId}/category`, { categoryId }, { token: user.accessToken });
    expect(response.status).toBe(200);
  };

  it('pushes a new transaction with its automatic category, then its manual change, to the owner only and each once', async () => {
    const [owner, stranger] = [await notif.newUser('owner'), await notif.newUser('stranger')];
    const category = await categoryIds(owner);
    const [mine, theirs] = [await open(owner), await open(stranger)];

    const transaction = await createNetflix(owner, 'netflix-march');
    expect((await createNetflix(owner, 'netflix-march')).id).toBe(transaction.id); // a retry: replayed, not created again
    const [created] = await mine.waitFor((event) => event.type === EVENT_TYPES.transactionCreated);
    expect(created).toMatchObject({
      userId: owner.userId,
      payload: {
        transactionId: transaction.id,
        amount: '-12.99',
        currency: 'EUR',
        description: 'NETFLIX.COM 866-579-7172 CA',
        categoryId: category.Entertainment,
        categorySource: 'model',
        categoryConfidence: expect.any(Number),
      },
    });

    await setCategory(owner, transaction.id, category.Shopping);
    const [categorized] = await mine.waitFor((event) => event.type === EVENT_TYPES.transactionCategorized);
    expect(categorized).toMatchObject({
      userId: owner.userId,
      payload: {
        transactionId: transaction.id,
        previousCategoryId: category.Entertainment,
        categoryId: category.Shopping,
        categorySource: 'manual',
        categoryConfidence: null,
      },
    });
    await setCategory(owner, transaction.id, category.Shopping); // no change: nothing to tell

    await sleep(1000); // a duplicate or a stray push would arrive by now
    expect(mine.exceptSignIns().map((event) => event.type)).toEqual([EVENT_TYPES.transactionCreated, EVENT_TYPES.transactionCategorized]);
    expect(theirs.exceptSignIns()).toEqual([]);
  });

  it('keeps a transaction created while notifications is down, and pushes it once when it is back', async () => {
    const owner = await notif.newUser('owner');
    const listener = await open(owner);
    // A client that has seen an event: it names the last one when it reconnects, so a
    // notifications restarted without Redis replays what was pushed before it was back.
    const before = await createNetflix(owner, 'before-outage');
    await listener.waitFor((event) => event.type === EVENT_TYPES.transactionCreated);

    await notif.stack().notifications.stop();
    const transaction = await createNetflix(owner, 'during-outage');
    await sleep(1500); // the relay fails and backs off meanwhile
    await notif.stack().notifications.start();

    await listener.waitFor((event) => event.type === EVENT_TYPES.transactionCreated, 2, 20_000);
    await sleep(1000);
    expect(listener.exceptSignIns().map((event) => [event.type, (event.payload as { transactionId: string }).transactionId])).toEqual([
      [EVENT_TYPES.transactionCreated, before.id],
      [EVENT_TYPES.transactionCreated, transaction.id],
    ]);
  });
});
