import { ApiClient, backendFromEnv, newSession, Session, Stack, startStack } from '@finstack/testing';

const backend = backendFromEnv();

interface Category {
  id: string;
  name: string;
  kind: string;
  color: string | null;
}

describe(`categories (${backend})`, () => {
  let stack: Stack;
  let api: ApiClient;
  let user: Session;

  beforeAll(async () => {
    stack = await startStack({ backend, name: 'categories' });
    api = new ApiClient(stack.baseUrl);
    user = await newSession(api);
  });
  afterAll(() => stack?.stop());

  const list = async () => (await api.get<{ items: Category[] }>('/api/v1/categories', { token: user.accessToken })).body.items;

  it('gives a new user the starter set', async () => {
    const names = (await list()).map((c) => c.name).sort();
    expect(names).toEqual(
      ['Dining', 'Entertainment', 'Fees', 'Groceries', 'Health', 'Housing', 'Income', 'Other', 'Shopping', 'Transfers', 'Transport', 'Travel', 'Utilities'].sort(),
    );
    expect((await list()).find((c) => c.name === 'Income')?.kind).toBe('income');
  });

  it('keeps names unique without regard to case', async () => {
    const created = await api.post('/api/v1/categories', { name: 'Pets', kind: 'expense', color: '#aa3300' }, { token: user.accessToken });
    expect(created.status).toBe(201);
    const clash = await api.post('/api/v1/categories', { name: 'PETS', kind: 'expense' }, { token: user.accessToken });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('CATEGORY_NAME_TAKEN');
    const renameClash = await api.patch(`/api/v1/categories/${created.body.id}`, { name: 'groceries' }, { token: user.accessToken });
    expect(renameClash.status).toBe(409);
    const renamed = await api.patch<Category>(`/api/v1/categories/${created.body.id}`, { name: 'Pet care', color: null }, { token: user.accessToken });
    expect(renamed.body).toMatchObject({ name: 'Pet care', color: null });
  });

  it('refuses to delete a category in use, unless its transactions are reassigned', async () => {
    const categories = await list();
    const dining = categories.find((c) => c.name === 'Dining')!;
    const other = categories.find((c) => c.name === 'Other')!;
    const made = await api.post(
      '/api/v1/transactions',
      { occurredOn: '2025-07-01', amount: '-20.00', currency: 'EUR', description: 'Pizza', categoryId: dining.id },
      { token: user.accessToken },
    );
    expect(made.body).toMatchObject({ categoryId: dining.id, categorySource: 'manual' });

    const refused = await api.delete(`/api/v1/categories/${dining.id}`, { token: user.accessToken });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CATEGORY_IN_USE');
    expect((await list()).some((c) => c.id === dining.id)).toBe(true);

    const moved = await api.delete(`/api/v1/categories/${dining.id}?reassignTo=${other.id}`, { token: user.accessToken });
    expect(moved.status).toBe(200);
    expect(moved.body).toEqual({ id: dining.id, reassigned: 1 });
    const transaction = await api.get(`/api/v1/transactions/${made.body.id}`, { token: user.accessToken });
    expect(transaction.body.categoryId).toBe(other.id);
    expect((await list()).some((c) => c.id === dining.id)).toBe(false);
  });

  it('deletes an unused category and does not bring the starter set back', async () => {
    const fees = (await list()).find((c) => c.name === 'Fees')!;
    const deleted = await api.delete(`/api/v1/categories/${fees.id}`, { token: user.accessToken });
    expect(deleted.status).toBe(200);
    expect((await list()).some((c) => c.name === 'Fees')).toBe(false);
  });
});
