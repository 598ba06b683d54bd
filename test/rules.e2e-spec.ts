import { ApiClient, backendFromEnv, newSession, Session, Stack, startStack } from '@finstack/testing';

const backend = backendFromEnv();

interface Transaction {
  id: string;
  categoryId: string | null;
  categorySource: string;
  categoryReason: string | null;
}

describe(`categorisation rules (${backend})`, () => {
  let stack: Stack;
  let api: ApiClient;
  let user: Session;
  let category: Record<string, string>;

  beforeAll(async () => {
    stack = await startStack({ backend, name: 'rules' });
    api = new ApiClient(stack.baseUrl);
    user = await newSession(api);
    const categories = await api.get<{ items: Array<{ id: string; name: string }> }>('/api/v1/categories', { token: user.accessToken });
    category = Object.fromEntries(categories.body.items.map((c) => [c.name, c.id]));
  });
  afterAll(() => stack?.stop());

  const token = () => user.accessToken;
  const create = async (body: Record<string, unknown>, query = '') =>
    (
      await api.post<Transaction>(
        `/api/v1/transactions${query}`,
        { occurredOn: '2025-04-01', amount: '-10.00', currency: 'EUR', ...body },
        { token: token() },
      )
    ).body;

  it('applies the user’s rule before anything else, naming it as the reason', async () => {
    const rule = await api.post(
      '/api/v1/rules',
      {
        name: 'Gym membership',
        priority: 10,
        match: 'all',
        conditions: [
          { field: 'description', operator: 'contains', value: 'fitness' },
          { field: 'amount', operator: 'between', min: '-60.00', max: '-20.00' },
          { field: 'direction', operator: 'equals', value: 'spent' },
        ],
        categoryId: category.Health,
      },
      { token: token() },
    );
    expect(rule.status).toBe(201);
    const matched = await create({ description: 'McFIT Fitness Studio 0815', amount: '-29.90' });
    expect(matched).toMatchObject({ categoryId: category.Health, categorySource: 'rule' });
    expect(matched.categoryReason).toContain(String(rule.body.id));
    const tooExpensive = await create({ description: 'McFIT Fitness Studio 0815', amount: '-99.00' });
    expect(tooExpensive.categorySource).not.toBe('rule');
  });

  it('lets a later rule override an earlier match unless that one stops processing', async () => {
    const make = (name: string, priority: number, categoryId: string, stopProcessing = false) =>
      api.post(
        '/api/v1/rules',
        { name, priority, conditions: [{ field: 'merchant', operator: 'oneOf', values: ['ACME', 'ACME GMBH'] }], categoryId, stopProcessing },
        { token: token() },
      );
    await make('acme first', 20, category.Shopping);
    await make('acme second', 30, category.Utilities);
    expect((await create({ description: 'invoice', merchant: 'acme' })).categoryId).toBe(category.Utilities);
    await make('acme stop', 25, category.Fees, true);
    expect((await create({ description: 'invoice', merchant: 'acme' })).categoryId).toBe(category.Fees);
  });

  it('applies a rule to existing transactions, with a dry run first, and never to manual choices', async () => {
    const auto = await create({ description: 'ALDI SUED 4711' }, '?autoCategorize=false');
    const manual = await create({ description: 'ALDI SUED 4711', categoryId: category.Other });
    const rule = await api.post(
      '/api/v1/rules',
      { name: 'Aldi', conditions: [{ field: 'description', operator: 'matches', value: '^aldi\\s+(sued|nord)' }], categoryId: category.Groceries },
      { token: token() },
    );
    const dry = await api.post(`/api/v1/rules/${rule.body.id}/apply`, { dryRun: true }, { token: token() });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, matched: 2, changed: 1 });
    expect(dry.body.changes).toEqual([{ transactionId: auto.id, fromCategoryId: null, toCategoryId: category.Groceries }]);
    expect((await api.get<Transaction>(`/api/v1/transactions/${auto.id}`, { token: token() })).body.categoryId).toBeNull();

    const applied = await api.post(`/api/v1/rules/${rule.body.id}/apply`, {}, { token: token() });
    expect(applied.body).toMatchObject({ dryRun: false, changed: 1 });
    expect((await api.get<Transaction>(`/api/v1/transactions/${auto.id}`, { token: token() })).body).toMatchObject({
      categoryId: category.Groceries,
      categorySource: 'rule',
    });
    expect((await api.get<Transaction>(`/api/v1/transactions/${manual.id}`, { token: token() })).body.categoryId).toBe(category.Other);
  });

  it('keeps a catastrophic regular expression from stalling the service', async () => {
    const rule = await api.post(
      '/api/v1/rules',
      { name: 'evil', conditions: [{ field: 'description', operator: 'matches', value: '^(a+)+$' }], categoryId: category.Other },
      { token: token() },
    );
    // Either refused at save time, or accepted by a linear-time engine: never a stall.
    expect([201, 400]).toContain(rule.status);
    const began = Date.now();
    const made = await create({ description: `${'a'.repeat(480)}!` });
    expect(Date.now() - began).toBeLessThan(2000);
    expect(made.id).toEqual(expect.any(String));
  });

  it('refuses invalid rules with a clear 400', async () => {
    const bad = async (conditions: unknown[]) =>
      api.post('/api/v1/rules', { name: 'bad', conditions, categoryId: category.Other }, { token: token() });
    expect((await bad([{ field: 'description', operator: 'matches', value: '(a)\\1' }])).body.code).toBe('INVALID_PATTERN');
    expect((await bad([{ field: 'amount', operator: 'contains', value: '12' }])).status).toBe(400);
    expect((await bad([{ field: 'amount', operator: 'between', min: '10' }])).status).toBe(400);
    expect((await bad([{ field: 'direction', operator: 'equals', value: 'sideways' }])).status).toBe(400);
    expect((await bad([])).status).toBe(400);
  });

  it('keeps another user’s rules out of reach (404) and refuses their categories', async () => {
    const mine = await api.post(
      '/api/v1/rules',
      { name: 'mine', conditions: [{ field: 'currency', operator: 'equals', value: 'USD' }], categoryId: category.Travel },
      { token: token() },
    );
    const other = await newSession(api, 'other');
    for (const response of [
      await api.get(`/api/v1/rules/${mine.body.id}`, { token: other.accessToken }),
      await api.patch(`/api/v1/rules/${mine.body.id}`, { name: 'stolen' }, { token: other.accessToken }),
      await api.delete(`/api/v1/rules/${mine.body.id}`, { token: other.accessToken }),
      await api.post(`/api/v1/rules/${mine.body.id}/apply`, { dryRun: true }, { token: other.accessToken }),
    ]) {
      expect(response.status).toBe(404);
    }
    const foreignCategory = await api.post(
      '/api/v1/rules',
      { name: 'x', conditions: [{ field: 'currency', operator: 'equals', value: 'USD' }], categoryId: category.Travel },
      { token: other.accessToken },
    );
    expect(foreignCategory.status).toBe(404);
    expect((await api.get<{ items: unknown[] }>('/api/v1/rules', { token: other.accessToken })).body.items).toEqual([]);
  });
});
