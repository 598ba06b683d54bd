import { ApiClient, backendFromEnv, newSession, Session, Stack, startStack } from '@finstack/testing';

const backend = backendFromEnv();

interface Transaction {
  id: string;
  description: string;
  categoryId: string | null;
  categorySource: string;
  categoryConfidence: number | null;
  categoryReason: string | null;
}

describe(`categories by hand and automatically (${backend})`, () => {
  let stack: Stack;
  let api: ApiClient;
  let user: Session;
  let category: Record<string, string>;

  beforeAll(async () => {
    stack = await startStack({ backend, name: 'categorize' });
    api = new ApiClient(stack.baseUrl);
    user = await newSession(api);
    const categories = await api.get<{ items: Array<{ id: string; name: string }> }>('/api/v1/categories', { token: user.accessToken });
    category = Object.fromEntries(categories.body.items.map((c) => [c.name, c.id]));
  });
  afterAll(() => stack?.stop());

  const create = async (description: string, extra: Record<string, unknown> = {}, query = '') =>
    (
      await api.post<Transaction>(
        `/api/v1/transactions${query}`,
        { occurredOn: '2025-03-01', amount: '-12.50', currency: 'EUR', description, ...extra },
        { token: user.accessToken },
      )
    ).body;

  it('categorises a well-known merchant for a user without history, saying why', async () => {
    const netflix = await create('NETFLIX.COM 866-579-7172 CA');
    expect(netflix.categoryId).toBe(category.Entertainment);
    expect(netflix.categorySource).toBe('model');
    expect(netflix.categoryConfidence).toBeGreaterThan(0);
    expect(netflix.categoryConfidence).toBeLessThanOrEqual(1);
    expect(netflix.categoryReason).toMatch(/netflix/i);
  });

  it('leaves a transaction alone when asked not to categorise it', async () => {
    const plain = await create('NETFLIX.COM 866-579-7172 CA', {}, '?autoCategorize=false');
    expect(plain).toMatchObject({ categoryId: null, categorySource: 'none' });
  });

  it('learns from manual choices: after a few, the next similar payee gets that category, with a reason', async () => {
    for (const store of ['0042', '0107', '0233']) {
      const made = await create(`POS 4411 KIEZ BAECKEREI MUELLER ${store} BERLIN`, {}, '?autoCategorize=false');
      const set = await api.put<Transaction>(`/api/v1/transactions/${made.id}/category`, { categoryId: category.Dining }, { token: user.accessToken });
      expect(set.body).toMatchObject({ categoryId: category.Dining, categorySource: 'manual', categoryConfidence: null });
    }
    const next = await create('POS 4411 KIEZ BAECKEREI MUELLER 0311 BERLIN');
    expect(next.categoryId).toBe(category.Dining);
    expect(['learned', 'model']).toContain(next.categorySource);
    expect(next.categoryReason).toMatch(/baeckerei|mueller/i);
  });

  it('never lets an automatic category overwrite a manual one', async () => {
    const made = await create('SHELL 1234 HAMBURG', { categoryId: category.Shopping });
    expect(made).toMatchObject({ categoryId: category.Shopping, categorySource: 'manual' });
    const run = await api.post('/api/v1/transactions/auto-categorize', { uncategorizedOnly: false }, { token: user.accessToken });
    expect(run.status).toBe(200);
    expect(Number(run.body.skippedManual)).toBeGreaterThanOrEqual(1);
    const after = await api.get<Transaction>(`/api/v1/transactions/${made.id}`, { token: user.accessToken });
    expect(after.body).toMatchObject({ categoryId: category.Shopping, categorySource: 'manual' });
  });

  it('categorises stored transactions on demand', async () => {
    const uber = await create('UBER *TRIP HELP.UBER.COM', {}, '?autoCategorize=false');
    const run = await api.post(
      '/api/v1/transactions/auto-categorize',
      { transactionIds: [uber.id] },
      { token: user.accessToken },
    );
    expect(run.body).toMatchObject({ examined: 1, categorized: 1 });
    const after = await api.get<Transaction>(`/api/v1/transactions/${uber.id}`, { token: user.accessToken });
    expect(after.body.categoryId).toBe(category.Transport);
  });

  it('sets one category for many transactions at once, or for none when one id is not the caller’s', async () => {
    const a = await create('Invoice 1', {}, '?autoCategorize=false');
    const b = await create('Invoice 2', {}, '?autoCategorize=false');
    const done = await api.post(
      '/api/v1/transactions/categorize',
      { transactionIds: [a.id, b.id], categoryId: category.Fees },
      { token: user.accessToken },
    );
    expect(done.status).toBe(200);
    expect([...(done.body.updated as string[])].sort()).toEqual([a.id, b.id].sort());

    const stranger = await newSession(api, 'stranger');
    const theirs = (
      await api.post<Transaction>(
        '/api/v1/transactions',
        { occurredOn: '2025-03-01', amount: '-1.00', currency: 'EUR', description: 'theirs' },
        { token: stranger.accessToken },
      )
    ).body;
    const mixed = await api.post(
      '/api/v1/transactions/categorize',
      { transactionIds: [a.id, theirs.id], categoryId: category.Other },
      { token: user.accessToken },
    );
    expect(mixed.status).toBe(404);
    const unchanged = await api.get<Transaction>(`/api/v1/transactions/${a.id}`, { token: user.accessToken });
    expect(unchanged.body.categoryId).toBe(category.Fees);
  });

  it('suggests up to three categories with their confidence', async () => {
    const spotify = await create('SPOTIFY P0123456 STOCKHOLM', {}, '?autoCategorize=false');
    const suggestions = await api.get<Array<{ categoryId: string; confidence: number; source: string }>>(
      `/api/v1/transactions/${spotify.id}/category-suggestions`,
      { token: user.accessToken },
    );
    expect(suggestions.status).toBe(200);
    expect(suggestions.body.length).toBeGreaterThanOrEqual(1);
    expect(suggestions.body.length).toBeLessThanOrEqual(3);
    expect(suggestions.body[0].categoryId).toBe(category.Entertainment);
    const confidences = suggestions.body.map((s) => s.confidence);
    expect(confidences).toEqual([...confidences].sort((x, y) => y - x));
  });

  it('clears a category with null', async () => {
    const made = await create('Something', { categoryId: category.Other });
    const cleared = await api.put<Transaction>(`/api/v1/transactions/${made.id}/category`, { categoryId: null }, { token: user.accessToken });
    expect(cleared.body).toMatchObject({ categoryId: null, categorySource: 'none' });
  });
});
