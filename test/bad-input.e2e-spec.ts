import { ApiClient, backendFromEnv, newSession, Session, Stack, startStack } from '@finstack/testing';

const backend = backendFromEnv();

describe(`bad input gets a clear 4xx and writes nothing (${backend})`, () => {
  let stack: Stack;
  let api: ApiClient;
  let user: Session;
  let existingId: string;

  const valid = { occurredOn: '2025-03-01', amount: '-10.50', currency: 'USD', description: 'Lunch' };

  beforeAll(async () => {
    stack = await startStack({ backend, name: 'badinput' });
    api = new ApiClient(stack.baseUrl);
    user = await newSession(api);
    existingId = String((await api.post('/api/v1/transactions', valid, { token: user.accessToken })).body.id);
  });
  afterAll(() => stack?.stop());

  const snapshot = async () =>
    JSON.stringify((await api.get('/api/v1/transactions?limit=200', { token: user.accessToken })).body);

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const before = await snapshot();
    const response = await api.post('/api/v1/transactions', undefined, { token: user.accessToken, rawBody: '{"amount": "-1",' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_JSON' });
    expect(await snapshot()).toBe(before);
  });

  it('names unknown fields', async () => {
    const response = await api.post('/api/v1/transactions', { ...valid, userId: 'someone-else', colour: 'red' }, { token: user.accessToken });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(String(response.body.message)).toMatch(/userId/);
    expect(String(response.body.message)).toMatch(/colour/);
  });

  it.each([
    ['a number amount', { amount: -10 }, /amount/],
    ['an amount with 5 decimals', { amount: '-1.00001' }, /amount/],
    ['an amount of 10^12', { amount: '1000000000000' }, /amount/],
    ['an amount in exponent form', { amount: '1e3' }, /amount/],
    ['a zero amount', { amount: '0.00' }, /zero/],
    ['an unknown currency', { currency: 'XYZ' }, /currency/],
    ['a lower-case currency', { currency: 'usd' }, /currency/],
    ['an impossible date', { occurredOn: '2025-02-30' }, /occurredOn/],
    ['a date-time instead of a date', { occurredOn: '2025-02-03T10:00:00Z' }, /occurredOn/],
    ['an empty description', { description: '' }, /description/],
    ['a blank description', { description: '   ' }, /description/],
    ['a 501-character description', { description: 'x'.repeat(501) }, /description/],
    ['a description that is not text', { description: ['a'] }, /description/],
    ['a category id that is not a uuid', { categoryId: '12' }, /categoryId/],
  ])('refuses %s with 400 and a message naming the field', async (_label, change, field) => {
    const before = await snapshot();
    const response = await api.post('/api/v1/transactions', { ...valid, ...change }, { token: user.accessToken });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(String(response.body.message)).toMatch(field);
    expect(await snapshot()).toBe(before);
  });

  it('refuses bad edits and leaves the record as it was', async () => {
    const before = await snapshot();
    // JPY has no minor unit, so the stored -10.50 cannot simply change currency.
    for (const patch of [{}, { amount: '-1.001' }, { currency: 'JPY' }, { occurredOn: '2025-13-01' }, { id: existingId }]) {
      const response = await api.patch(`/api/v1/transactions/${existingId}`, patch, { token: user.accessToken });
      expect(response.status).toBe(400);
    }
    expect(await snapshot()).toBe(before);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const response = await api.post(
      '/api/v1/transactions',
      { ...valid, description: 'x'.repeat(1_100_000) },
      { token: user.accessToken },
    );
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses path ids and query values of the wrong shape', async () => {
    expect((await api.get('/api/v1/transactions/not-a-uuid', { token: user.accessToken })).status).toBe(400);
    expect((await api.get('/api/v1/transactions?from=2025-02-30', { token: user.accessToken })).status).toBe(400);
    expect((await api.get('/api/v1/transactions?limit=abc', { token: user.accessToken })).status).toBe(400);
    expect((await api.get('/api/v1/transactions?uncategorized=maybe', { token: user.accessToken })).status).toBe(400);
    expect((await api.get('/api/v1/transactions?minAmount=1e9', { token: user.accessToken })).status).toBe(400);
    expect((await api.get('/api/v1/transactions?sort=amount', { token: user.accessToken })).status).toBe(400);
  });

  it('answers an unknown route with a 404 in the same error shape', async () => {
    const response = await api.get('/api/v1/nothing-here', { token: user.accessToken });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ statusCode: 404, code: 'ROUTE_NOT_FOUND' });
  });

  it('refuses bad category input', async () => {
    const token = user.accessToken;
    expect((await api.post('/api/v1/categories', { name: 'X', kind: 'luxury' }, { token })).status).toBe(400);
    expect((await api.post('/api/v1/categories', { name: 'X', kind: 'expense', color: 'red' }, { token })).status).toBe(400);
    expect((await api.post('/api/v1/categories', { name: 'x'.repeat(61), kind: 'expense' }, { token })).status).toBe(400);
    expect((await api.delete(`/api/v1/categories/${existingId}?reassignTo=nope`, { token })).status).toBe(400);
  });
});
