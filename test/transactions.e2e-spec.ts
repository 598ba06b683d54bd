import { ApiClient, backendFromEnv, newSession, Session, Stack, startStack } from '@finstack/testing';

const backend = backendFromEnv();

interface Transaction {
  id: string;
  occurredOn: string;
  amount: string;
  currency: string;
  description: string;
  merchant: string | null;
  categoryId: string | null;
  categorySource: string;
  externalId: string | null;
}
interface Page {
  items: Transaction[];
  nextCursor: string | null;
}

describe(`transactions through the gateway (${backend})`, () => {
  let stack: Stack;
  let api: ApiClient;
  let alice: Session;

  beforeAll(async () => {
    stack = await startStack({ backend, name: 'transactions' });
    api = new ApiClient(stack.baseUrl);
    alice = await newSession(api, 'alice');
  });
  afterAll(() => stack?.stop());

  // The ledger's own behaviour, without automatic categories (they have their own spec).
  const create = (session: Session, body: Record<string, unknown>, headers?: Record<string, string>) =>
    api.post<Transaction>('/api/v1/transactions?autoCategorize=false', body, { token: session.accessToken, headers });

  const listAll = async (session: Session, query: string): Promise<Transaction[]> => {
    const items: Transaction[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: Page } = await api.get<Page>(
        `/api/v1/transactions?${query}${cursor ? `&cursor=${cursor}` : ''}`,
        { token: session.accessToken },
      );
      expect(page.status).toBe(200);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return items;
  };

  it('creates, reads, edits and deletes a transaction, with exact money', async () => {
    const created = await create(alice, {
      occurredOn: '2025-03-14',
      amount: '-12.30',
      currency: 'EUR',
      description: 'Coffee beans',
      merchant: 'Blue Bottle',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      occurredOn: '2025-03-14',
      amount: '-12.30',
      currency: 'EUR',
      description: 'Coffee beans',
      merchant: 'Blue Bottle',
      categoryId: null,
      categorySource: 'none',
    });
    expect(created.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/); // UUIDv7

    const id = created.body.id;
    const fetched = await api.get<Transaction>(`/api/v1/transactions/${id}`, { token: alice.accessToken });
    expect(fetched.body).toEqual(created.body);

    const edited = await api.patch<Transaction>(
      `/api/v1/transactions/${id}`,
      { amount: '-0.1', merchant: null },
      { token: alice.accessToken },
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ amount: '-0.10', merchant: null, description: 'Coffee beans' });

    const deleted = await api.delete(`/api/v1/transactions/${id}`, { token: alice.accessToken });
    expect(deleted.status).toBe(204);
    const gone = await api.get(`/api/v1/transactions/${id}`, { token: alice.accessToken });
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ statusCode: 404, code: 'TRANSACTION_NOT_FOUND' });
    expect(typeof gone.body.requestId).toBe('string');
  });

  it('stores each currency at its own scale: JPY without decimals, KWD with three', async () => {
    const yen = await create(alice, { occurredOn: '2025-01-02', amount: '-1500', currency: 'JPY', description: 'Ramen' });
    expect(yen.body.amount).toBe('-1500');
    const dinar = await create(alice, { occurredOn: '2025-01-02', amount: '2.125', currency: 'KWD', description: 'Refund' });
    expect(dinar.body.amount).toBe('2.125');
    const tooPrecise = await create(alice, { occurredOn: '2025-01-02', amount: '-1.5', currency: 'JPY', description: 'x' });
    expect(tooPrecise.status).toBe(400);
    expect(JSON.stringify(tooPrecise.body)).toMatch(/JPY allows \(0\)/);
  });

  it('pages through a list by cursor without repeating or skipping rows that share a date', async () => {
    const bob = await newSession(api, 'bob');
    const made: string[] = [];
    for (let i = 0; i < 23; i += 1) {
      const day = String(1 + (i % 4)).padStart(2, '0'); // many rows share a date
      const response = await create(bob, {
        occurredOn: `2025-02-${day}`,
        amount: `-${i + 1}.00`,
        currency: 'USD',
        description: `purchase ${i}`,
      });
      made.push(response.body.id);
    }
    const first = await api.get<Page>('/api/v1/transactions?limit=10', { token: bob.accessToken });
    expect(first.body.items).toHaveLength(10);
    expect(first.body.nextCursor).toEqual(expect.any(String));

    const all = await listAll(bob, 'limit=7');
    expect(all).toHaveLength(23);
    expect(new Set(all.map((t) => t.id))).toEqual(new Set(made));
    const order = all.map((t) => `${t.occurredOn}|${t.id}`);
    expect(order).toEqual([...order].sort().reverse()); // newest first, ties by id

    const last = await api.get<Page>('/api/v1/transactions?limit=200', { token: bob.accessToken });
    expect(last.body.items).toHaveLength(23);
    expect(last.body.nextCursor).toBeNull();
  });

  it('filters by dates, amounts, text and category', async () => {
    const carol = await newSession(api, 'carol');
    const categories = await api.get<{ items: Array<{ id: string; name: string }> }>('/api/v1/categories', {
      token: carol.accessToken,
    });
    const groceries = categories.body.items.find((c) => c.name === 'Groceries');
    expect(groceries).toBeDefined();
    await create(carol, { occurredOn: '2025-01-31', amount: '-45.10', currency: 'EUR', description: 'Weekly shop', merchant: 'Lidl', categoryId: groceries!.id });
    await create(carol, { occurredOn: '2025-02-01', amount: '2500.00', currency: 'EUR', description: 'Salary February' });
    await create(carol, { occurredOn: '2025-02-15', amount: '-9.99', currency: 'EUR', description: 'Music 100% streaming' });
    await create(carol, { occurredOn: '2025-02-20', amount: '-3000', currency: 'JPY', description: 'Sushi', merchant: 'Lidl Tokyo' });

    const descriptions = async (query: string) => (await listAll(carol, query)).map((t) => t.description).sort();

    expect(await descriptions('from=2025-02-01&to=2025-02-15')).toEqual(['Music 100% streaming', 'Salary February']);
    expect(await descriptions('minAmount=-10&maxAmount=0')).toEqual(['Music 100% streaming']);
    expect(await descriptions('minAmount=-3000&maxAmount=-2999.5')).toEqual(['Sushi']);
    expect(await descriptions('maxAmount=-45.1')).toEqual(['Sushi', 'Weekly shop']);
    expect(await descriptions('q=lidl')).toEqual(['Sushi', 'Weekly shop']);
    expect(await descriptions('q=100%25')).toEqual(['Music 100% streaming']); // % is literal, not a wildcard
    expect(await descriptions(`categoryId=${groceries!.id}`)).toEqual(['Weekly shop']);
    expect(await descriptions('uncategorized=true')).toEqual(['Music 100% streaming', 'Salary February', 'Sushi']);

    const both = await api.get(`/api/v1/transactions?categoryId=${groceries!.id}&uncategorized=true`, {
      token: carol.accessToken,
    });
    expect(both.status).toBe(400);
    const reversed = await api.get('/api/v1/transactions?from=2025-03-01&to=2025-02-01', { token: carol.accessToken });
    expect(reversed.status).toBe(400);
    const hugeLimit = await api.get('/api/v1/transactions?limit=201', { token: carol.accessToken });
    expect(hugeLimit.status).toBe(400);
    const badCursor = await api.get('/api/v1/transactions?cursor=bm9wZQ', { token: carol.accessToken });
    expect(badCursor.status).toBe(400);
  });

  it('refuses a second transaction with the same externalId', async () => {
    const body = { occurredOn: '2025-04-01', amount: '-5.00', currency: 'GBP', description: 'Bus', externalId: 'bank-123' };
    expect((await create(alice, body)).status).toBe(201);
    const again = await api.post('/api/v1/transactions', { ...body, amount: '-6.00' }, { token: alice.accessToken });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EXTERNAL_ID_TAKEN');
  });
});
