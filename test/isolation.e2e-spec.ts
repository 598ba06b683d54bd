import { ApiClient, backendFromEnv, newSession, Session, Stack, startStack } from '@finstack/testing';

const backend = backendFromEnv();

describe(`one user cannot reach another's data (${backend})`, () => {
  let stack: Stack;
  let api: ApiClient;
  let owner: Session;
  let intruder: Session;
  let transactionId: string;
  let categoryId: string;

  beforeAll(async () => {
    stack = await startStack({ backend, name: 'isolation' });
    api = new ApiClient(stack.baseUrl);
    owner = await newSession(api, 'owner');
    intruder = await newSession(api, 'intruder');
    const category = await api.post('/api/v1/categories', { name: 'Secret', kind: 'expense' }, { token: owner.accessToken });
    categoryId = String(category.body.id);
    const created = await api.post(
      '/api/v1/transactions',
      { occurredOn: '2025-06-01', amount: '-99.00', currency: 'USD', description: 'Private', categoryId },
      { token: owner.accessToken },
    );
    transactionId = String(created.body.id);
  });
  afterAll(() => stack?.stop());

  it('answers 404, never 403 and never the data, on every route that takes an id', async () => {
    const token = intruder.accessToken;
    const attempts = [
      api.get(`/api/v1/transactions/${transactionId}`, { token }),
      api.patch(`/api/v1/transactions/${transactionId}`, { description: 'mine now' }, { token }),
      api.delete(`/api/v1/transactions/${transactionId}`, { token }),
      api.get(`/api/v1/categories/${categoryId}`, { token }),
      api.patch(`/api/v1/categories/${categoryId}`, { name: 'Stolen' }, { token }),
      api.delete(`/api/v1/categories/${categoryId}`, { token }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(404);
      expect(JSON.stringify(response.body)).not.toMatch(/Private|Secret/);
    }
  });

  it('does not let a user file a transaction under, or reassign to, another user’s category', async () => {
    const token = intruder.accessToken;
    const filed = await api.post(
      '/api/v1/transactions',
      { occurredOn: '2025-06-01', amount: '-1.00', currency: 'USD', description: 'x', categoryId },
      { token },
    );
    expect(filed.status).toBe(404);
    const mine = await api.post('/api/v1/categories', { name: 'Mine', kind: 'expense' }, { token });
    const reassigned = await api.delete(`/api/v1/categories/${mine.body.id}?reassignTo=${categoryId}`, { token });
    expect(reassigned.status).toBe(404);
  });

  it('shows a user only their own transactions, and treats another user’s category filter as unknown', async () => {
    const filtered = await api.get(`/api/v1/transactions?categoryId=${categoryId}`, { token: intruder.accessToken });
    expect(filtered.status).toBe(404);
    expect(filtered.body.code).toBe('CATEGORY_NOT_FOUND');
    const list = await api.get<{ items: unknown[] }>('/api/v1/transactions?limit=200', { token: intruder.accessToken });
    expect(list.body.items).toEqual([]);
  });

  it('left the owner’s data untouched', async () => {
    const mine = await api.get(`/api/v1/transactions/${transactionId}`, { token: owner.accessToken });
    expect(mine.body).toMatchObject({ description: 'Private', categoryId });
  });
});
